package org.sevahub.language;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Content-Language} names the page's language as {@code <html lang>} does ({@code bn}), not the locale it is
 * formatted in ({@code bn-u-nu-latn}, {@link Languages#locale}): the DispatcherServlet hands the resolved locale to
 * {@code response.setLocale}, and the servlet container writes the whole tag. Error pages too, so every dispatch.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlainContentLanguage extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setLocale(Locale locale) {
				super.setLocale(locale == null ? null : locale.stripExtensions());
			}

		});
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
