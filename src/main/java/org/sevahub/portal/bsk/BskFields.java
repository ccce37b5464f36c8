package org.sevahub.portal.bsk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.sevahub.platform.doors.ControlCharacters;

/**
 * The claims of a BSK request, read under every spelling BSK's document uses for a field ({@code userid} /
 * {@code userId}, {@code ticketNo} / {@code tokenNo}, {@code ServiceCode}, {@code otpld} / {@code otpId},
 * {@code applicationNo} where the table says {@code documentNo}). Ids are longs: a mobile number and a
 * YYYYMMDDHHmmss ticket both exceed 32 bits.
 */
final class BskFields {

	/** Canonical name to the lower-cased spellings that mean it, preferred first. */
	private static final Map<String, List<String>> SPELLINGS = Map.ofEntries(
			Map.entry("userid", List.of("userid")),
			Map.entry("ticketNo", List.of("ticketno", "tokenno")),
			Map.entry("serviceCode", List.of("servicecode")),
			Map.entry("applicationNo", List.of("applicationno", "appno", "documentno")),
			Map.entry("documentNo", List.of("documentno", "applicationno", "appno")),
			Map.entry("otpId", List.of("otpid", "otpld", "otpiid")),
			Map.entry("userTypedOtp", List.of("usertypedotp", "otp")),
			Map.entry("documentType", List.of("documenttype")));

	private final Map<String, Object> byLowerName = new TreeMap<>();

	BskFields(Map<String, Object> claims) {
		claims.forEach((name, value) -> byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
	}

	/** The longest value a claim may carry: its column's width where it is kept, else the audit reference's. */
	private static final Map<String, Integer> LONGEST = Map.of("name", 100, "servicecode", 40, "applicationno", 40,
			"appno", 40, "documentno", 80, "mobile", 20, "email", 200);

	private static final int LONGEST_OTHER = 200;

	/**
	 * Refuses a claim whose value is longer than where it would be kept, before anything is read from or written
	 * to the database: a length the schema cannot hold is the caller's mistake, not a database error.
	 */
	void checkLengths() {
		byLowerName.forEach((name, value) -> {
			if (value instanceof Map || value instanceof List) {
				return;
			}
			int longest = LONGEST.getOrDefault(name, LONGEST_OTHER);
			String shown = ControlCharacters.replaced(name.length() <= 40 ? name : name.substring(0, 40) + "…");
			if (value != null && value.toString().length() > longest) {
				throw new BskRefusal(shown + " is longer than " + longest + " characters");
			}
			if (value != null && ControlCharacters.in(value.toString())) {
				throw new BskRefusal(shown + " contains control characters");
			}
		});
	}

	Optional<Object> raw(String field) {
		for (String spelling : SPELLINGS.getOrDefault(field, List.of(field.toLowerCase(Locale.ROOT)))) {
			Object value = byLowerName.get(spelling);
			if (value != null && !(value instanceof String s && s.isBlank())) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	String text(String field) {
		return optionalText(field).orElseThrow(() -> new BskRefusal(field + " is required"));
	}

	Optional<String> optionalText(String field) {
		return raw(field).map(value -> {
			if (value instanceof Map || value instanceof List) {
				throw new BskRefusal(field + " must be a single value");
			}
			return value.toString().strip();
		});
	}

	long number(String field) {
		return optionalNumber(field).orElseThrow(() -> new BskRefusal(field + " is required"));
	}

	/** A whole number sent as a JSON number or a string of digits; anything else is refused by name. */
	Optional<Long> optionalNumber(String field) {
		return raw(field).map(value -> {
			try {
				BigDecimal number = new BigDecimal(value.toString().strip());
				if (number.signum() < 0) {
					throw new BskRefusal(field + " must not be negative");
				}
				return number.longValueExact();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw new BskRefusal(field + " must be a whole number, not \"" + value + "\"");
			}
		});
	}

	/** userid: BSK's DEO, by the 10-digit mobile number. */
	long userid() {
		long userid = number("userid");
		if (!String.valueOf(userid).matches("[6-9]\\d{9}")) {
			throw new BskRefusal("userid must be the DEO's 10-digit mobile number, not " + userid);
		}
		return userid;
	}

}
