package org.sevahub.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change an application: the citizen signed in with the applicant's mobile number
 * ({@link SignedInCitizen}), or the browser that created the application or that a portal handed it over to.
 * The hand-over proof is a cookie holding an HMAC of the application number under
 * {@code sevahub.crypto.link-key}; neither needs a server-side session, so any node of a cluster can check it.
 */
@Component
public class CitizenAccess {

	private static final String COOKIE_PREFIX = "sevahub_app_";

	private final SecretKeySpec key;

	private final JdbcClient jdbc;

	private final boolean secureCookies;

	public CitizenAccess(SevaHubCryptoProperties properties, JdbcClient jdbc,
			@Value("${sevahub.session.secure-cookie:false}") boolean secureCookies) {
		this.key = new SecretKeySpec(Base64.getDecoder().decode(properties.linkKey()), "HmacSHA256");
		this.jdbc = jdbc;
		this.secureCookies = secureCookies;
	}

	public void grant(HttpServletResponse response, String applicationNo) {
		Cookie cookie = new Cookie(COOKIE_PREFIX + applicationNo, token(applicationNo));
		cookie.setPath("/applications/" + applicationNo);
		cookie.setHttpOnly(true);
		cookie.setMaxAge(60 * 60 * 24 * 90);
		cookie.setSecure(secureCookies);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	/** Whether this request may see and change the application: its owner signed in, or the hand-over grant. */
	public boolean has(HttpServletRequest request, String applicationNo) {
		return hasGrant(request, applicationNo)
				|| SignedInCitizen.current().map(citizen -> owns(citizen.mobile(), applicationNo)).orElse(false);
	}

	/** Whether the request carries any citizen credential at all: a sign-in or some application's grant. */
	public boolean hasAnyCredential(HttpServletRequest request) {
		if (SignedInCitizen.current().isPresent()) {
			return true;
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (cookie.getName().startsWith(COOKIE_PREFIX)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The number's applications are those whose applicant gave it; drafts keep it too. */
	public boolean owns(String mobile, String applicationNo) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM application a JOIN applicant p ON p.id = a.applicant_id
				WHERE a.application_no = :no AND p.mobile IN (:mobiles)""")
			.param("no", applicationNo)
			.param("mobiles", spellings(mobile))
			.query(Long.class)
			.single() > 0;
	}

	/** How a form may have recorded a ten-digit number: as typed, or with a country or trunk prefix. */
	public static List<String> spellings(String tenDigits) {
		return List.of(tenDigits, "+91" + tenDigits, "91" + tenDigits, "0" + tenDigits, "+91 " + tenDigits);
	}

	/** The hand-over grant: a cookie set when this browser created the application or a portal handed it over. */
	public boolean hasGrant(HttpServletRequest request, String applicationNo) {
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
