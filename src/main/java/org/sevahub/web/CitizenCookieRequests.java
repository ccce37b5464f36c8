package org.sevahub.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.sevahub.citizen.CitizenAuthentication;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests the citizen's session cookie signs in: the cookie is there and no {@code Authorization: Bearer} token
 * is. A browser sends the cookie with whatever another site makes it send, a multipart POST included, so such a
 * write needs the page's CSRF token; a Bearer token is sent only by a script that holds it, and no other site can
 * make a browser add one (it would ask first, and SevaHub allows no other origin).
 */
final class CitizenCookieRequests implements RequestMatcher {

	@Override
	public boolean matches(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (CitizenAuthentication.COOKIE.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

}
