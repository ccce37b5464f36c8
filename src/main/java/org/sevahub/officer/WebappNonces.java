package org.sevahub.officer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes each page of Camunda's webapps carry the script nonce of its own Content-Security-Policy header. Camunda
 * 7.24 keeps the nonce it puts in the header in a servlet-context attribute, shared by every request, and reads it
 * back when it writes the page: when another request to the webapps came in between, the page's scripts carried
 * that request's nonce, the browser refused them all and Tasklist stayed at its loading spinner (3 of 40 quick
 * reloads in headless Chromium; more often the busier the node). The header is the policy; the page is mended to it.
 */
@Configuration
class WebappNonces {

	private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'");

	private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"[A-Za-z0-9_-]*\"");

	/** Around Camunda's own filters, which are registered after SevaHub's. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> pageNonceFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new PageNonceFilter());
		registration.addUrlPatterns("/camunda/app/*");
		registration.setName("camunda-page-nonces");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	static final class PageNonceFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI();
			// Only the pages (…/tasklist/default/) carry nonces; scripts, styles and fonts stream through unbuffered.
			if (!"GET".equals(request.getMethod()) || path.substring(path.lastIndexOf('/') + 1).contains(".")) {
				chain.doFilter(request, response);
				return;
			}
			ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, page);
			String policy = page.getHeader("Content-Security-Policy");
			Matcher nonce = HEADER_NONCE.matcher(policy == null ? "" : policy);
			String type = page.getContentType();
			if (type == null || !type.startsWith("text/html") || !nonce.find()) {
				page.copyBodyToResponse();
				return;
			}
			// The encoding the page was written in (a response always has one).
			Charset charset = Charset.forName(page.getCharacterEncoding());
			byte[] mended = PAGE_NONCE.matcher(new String(page.getContentAsByteArray(), charset))
				.replaceAll(Matcher.quoteReplacement("nonce=\"" + nonce.group(1) + "\""))
				.getBytes(charset);
			response.setContentLength(mended.length);
			response.getOutputStream().write(mended);
		}

	}

}
