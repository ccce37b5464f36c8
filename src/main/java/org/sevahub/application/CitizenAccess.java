package org.sevahub.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Who may see and change an application's form: the browser that created it, or that a portal handed over.
 * The proof is a cookie holding an HMAC of the application number under {@code sevahub.crypto.link-key}; it
 * needs no server-side session, so any node of a cluster can check it.
 */
@Component
public class CitizenAccess {

	private static final String COOKIE_PREFIX = "sevahub_app_";

	private final SecretKeySpec key;

	public CitizenAccess(SevaHubCryptoProperties properties) {
		this.key = new SecretKeySpec(Base64.getDecoder().decode(properties.linkKey()), "HmacSHA256");
	}

	public void grant(HttpServletResponse response, String applicationNo) {
		Cookie cookie = new Cookie(COOKIE_PREFIX + applicationNo, token(applicationNo));
		cookie.setPath("/applications/" + applicationNo);
		cookie.setHttpOnly(true);
		cookie.setMaxAge(60 * 60 * 24 * 90);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	public boolean has(HttpServletRequest request, String applicationNo) {
		if (request.getCookies() == null) {
			return false;
		}
		byte[] expected = token(applicationNo).getBytes(StandardCharsets.US_ASCII);
		for (Cookie cookie : request.getCookies()) {
			if (cookie.getName().equals(COOKIE_PREFIX + applicationNo)
					&& MessageDigest.isEqual(expected, cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

	/** A keyed MAC of {@code purpose:value}, for links SevaHub hands out that must not be forged. */
	public String sign(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String token(String applicationNo) {
		return sign("application", applicationNo);
	}

}
