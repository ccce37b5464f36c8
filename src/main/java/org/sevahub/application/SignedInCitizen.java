package org.sevahub.application;

import java.security.Principal;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A citizen who proved a mobile number with a one-time password (package {@code citizen}): the principal of their
 * requests. The name is deliberately not the number, so nothing that logs principals logs a mobile.
 */
public record SignedInCitizen(String mobile) implements Principal {

	private static final Pattern INDIAN_MOBILE = Pattern.compile("[6-9]\\d{9}");

	@Override
	public String getName() {
		return "citizen";
	}

	/** The citizen of the current request, if one signed in. */
	public static Optional<SignedInCitizen> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInCitizen citizen
				? Optional.of(citizen) : Optional.empty();
	}

	/**
	 * The ten digits of an Indian mobile number written as {@code 98…}, {@code +91 98…}, {@code 091-98…}; empty
	 * when it is not one.
	 */
	public static Optional<String> tenDigits(String mobile) {
		if (mobile == null) {
			return Optional.empty();
		}
		String digits = mobile.replaceAll("[\\s()+-]", "");
		if (digits.length() == 12 && digits.startsWith("91")) {
			digits = digits.substring(2);
		}
		else if (digits.length() == 11 && digits.startsWith("0")) {
			digits = digits.substring(1);
		}
		return INDIAN_MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

}
