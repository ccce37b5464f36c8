package org.sevahub.language;

import org.sevahub.application.CitizenAccess;
import org.sevahub.application.catalog.ChannelLanguages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language: resolved by {@link CitizenLocaleResolver}, changed by {@code ?lang=xx} on any page, offered by
 * {@link LanguageSwitcher}.
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

	private final LanguageSwitcher switcher;

	LanguageConfiguration(LanguageSwitcher switcher) {
		this.switcher = switcher;
	}

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver(Languages languages, ChannelLanguages channels, JdbcClient jdbc,
			CitizenAccess access) {
		return new CitizenLocaleResolver(languages, channels, jdbc, access);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		// A language the installation does not serve is ignored, not an error.
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(switcher);
	}

}
