package org.sevahub.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the Noto fonts the certificates are set in to the citizens' browsers too: a kiosk or an old phone
 * without Bengali or Devanagari fonts would otherwise show boxes for the citizen's own name. One copy of each
 * font, shipped once, used by the PDFs and the pages.
 */
@Configuration
class FontResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/fonts/*.ttf")
			.addResourceLocations("classpath:/fonts/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
	}

}
