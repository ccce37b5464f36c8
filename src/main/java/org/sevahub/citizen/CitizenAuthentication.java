package org.sevahub.citizen;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sevahub.application.EngineClock;
import org.sevahub.application.SignedInCitizen;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the citizen is on each request: a session token in {@code Authorization: Bearer} (API clients) or in the
 * {@value #COOKIE} cookie (the pages). The web layer's security chain puts {@link #filter()} in front of its access
 * rules; the server keeps only the ids of tokens signed out before they expired.
 */
@Component
public class CitizenAuthentication {

	public static final String COOKIE = "sevahub_citizen";

	private final CitizenTokens tokens;

	private final boolean secureCookies;

	CitizenAuthentication(CitizenTokens tokens, @Value("${sevahub.session.secure-cookie:false}") boolean secureCookies) {
		this.tokens = tokens;
		this.secureCookies = secureCookies;
	}

	/** A filter for the security chain (not a servlet filter of its own). */
	public OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (SecurityContextHolder.getContext().getAuthentication() == null) {
					citizen(request).ifPresent(citizen -> {
						var authentication = new PreAuthenticatedAuthenticationToken(citizen, null,
								List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
						SecurityContextHolder.getContext().setAuthentication(authentication);
					});
				}
				chain.doFilter(request, response);
			}
		};
	}

	private Optional<SignedInCitizen> citizen(HttpServletRequest request) {
		Optional<String> bearer = bearer(request);
		return (bearer.isPresent() ? bearer : cookie(request)).flatMap(tokens::read);
	}

	/** Ends the session on every node, whichever way the request carries it, and clears the pages' cookie. */
	void signOut(HttpServletRequest request, HttpServletResponse response) {
		bearer(request).ifPresent(tokens::signOut);
		cookie(request).ifPresent(tokens::signOut);
		clearCookie(response);
	}

	private static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(header.substring(7).strip())
				: Optional.empty();
	}

	private static Optional<String> cookie(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return Optional.of(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/** The pages' session: HttpOnly, SameSite=Lax, Secure behind TLS, gone when the token expires. */
	void setCookie(HttpServletResponse response, CitizenTokens.Issued issued) {
		long seconds = Math.max(0, Duration.between(EngineClock.now(), issued.expiresAt()).toSeconds());
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(issued.token(), seconds));
	}

	private void clearCookie(HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie("", 0));
	}

	private String cookie(String value, long maxAgeSeconds) {
		return ResponseCookie.from(COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(secureCookies)
			.sameSite("Lax")
			.maxAge(maxAgeSeconds)
			.build()
			.toString();
	}


}
