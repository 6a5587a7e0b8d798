package uk.assure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Every text sent is one that can be stored, before any handler sees it. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TextInputCheck());
    }

    /**
     * The app's own files at content-hashed addresses ({@link StaticAssets} writes the links), kept by browsers for a
     * year; GOV.UK Frontend's stylesheet asks for its images under /assets/.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.maxAge(Duration.ofDays(365))
                            .cachePublic()
                            .immutable())
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/");
    }

    /**
     * Off: Spring Boot turns on its resource URL rewriting whenever the webjars locator is present, and it then looks
     * every link a page writes (to an action, a plan) up on the class path; {@link StaticAssets} does the one job it
     * was for.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    /**
     * Flash messages ("Update recorded") as usual, but not looked for on static files: looking opens the session, and
     * sessions are in the database, so every stylesheet and image would cost a read and a write.
     */
    @Bean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        FlashMapManager inSession = new SessionFlashMapManager();
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return StaticFiles.asked(request) ? null : inSession.retrieveAndUpdate(request, response);
            }

            @Override
            public void saveOutputFlashMap(
                    FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
                inSession.saveOutputFlashMap(flashMap, request, response);
            }
        };
    }

    /** The files every page loads, served as they are. */
    static final class StaticFiles {

        private StaticFiles() {}

        static boolean asked(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/webjars/")
                    || path.startsWith("/assets/")
                    || path.startsWith("/css/")
                    || path.startsWith("/js/")
                    || path.equals("/favicon.ico");
        }
    }
}
