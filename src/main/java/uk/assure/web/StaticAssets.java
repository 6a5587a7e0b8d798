package uk.assure.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The app's own static files ({@code src/main/resources/static}) at addresses that carry a hash of their content,
 * computed once at start: {@code /css/assure.css} is linked as {@code /css/assure-<md5>.css}, which browsers may keep
 * for a year (a changed file gets a new address). Templates ask {@code ${@assets.url('/css/assure.css')}}: a map
 * lookup, where Spring's resource URL rewriting would look every link a page writes up on the class path.
 */
@Component("assets")
public class StaticAssets {

    private static final String ROOT = "/static/";

    private final Map<String, String> urls;

    StaticAssets() {
        Map<String, String> found = new HashMap<>();
        try {
            for (Resource file :
                    new PathMatchingResourcePatternResolver().getResources("classpath:" + ROOT + "**/*.*")) {
                String url = file.getURL().toString();
                String path = url.substring(url.lastIndexOf(ROOT) + ROOT.length() - 1);
                found.put(path, versioned(path, DigestUtils.md5DigestAsHex(file.getContentAsByteArray())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the app's static files", e);
        }
        this.urls = Map.copyOf(found);
    }

    /** The address of a static file with its content's hash, as Spring's ContentVersionStrategy names it. */
    static String versioned(String path, String hash) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash ? path.substring(0, dot) + "-" + hash + path.substring(dot) : path + "-" + hash;
    }

    /** The hashed address of {@code path}, e.g. {@code /css/assure.css}; a template naming a missing file fails. */
    public String url(String path) {
        String url = urls.get(path);
        if (url == null) {
            throw new IllegalArgumentException("No static file at " + path);
        }
        return url;
    }
}
