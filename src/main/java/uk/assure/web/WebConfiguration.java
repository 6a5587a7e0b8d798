package uk.assure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.SessionFlashMapManager;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Every text sent is one that can be stored, before any handler sees it. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TextInputCheck());
    }

    /** GOV.UK Frontend's stylesheet asks for its images under /assets/. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/");
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
