package org.sevahub.portal.aaplesarkar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The hand-over token Aaple Sarkar puts in {@code ?str=} (document 3.3, 3.1.4-3.1.7), decrypted:
 * {@code UserId|TimeStamp|SessionID|CheckSumValue|AuthorizationToken}, its checksum the CRC of
 * {@code UserId|TimeStamp|SessionID|CheckSumKey|AuthorizationToken}. TimeStamp is read as .NET
 * {@code DateTime.Ticks} (100 ns since 0001-01-01) of MahaIT's local clock, as the vectors' sample is.
 */
public record AaplesarkarToken(String userId, String timeStamp, String sessionId, String checksum, String authorizationToken) {

	/** Ticks at 1970-01-01T00:00 (.NET's {@code DateTime.UnixEpoch.Ticks}). */
	static final long UNIX_EPOCH_TICKS = 621_355_968_000_000_000L;

	/** Parses a decrypted token (its five fields present), checking neither its checksum nor its age. */
	public static AaplesarkarToken parse(String decrypted) {
		String[] parts = decrypted.split("\\|", -1);
		if (parts.length != 5) {
			throw new Refused("the token has " + parts.length + " fields, not the 5 of UserId|TimeStamp|SessionID|CheckSumValue|AuthorizationToken");
		}
		for (String part : parts) {
			if (part.isBlank()) {
				throw new Refused("the token has an empty field");
			}
		}
		return new AaplesarkarToken(parts[0], parts[1], parts[2], parts[3], parts[4]);
	}

	/** The decrypted token Aaple Sarkar issues, with its checksum computed under {@code codec}'s checksum key. */
	public static String issue(AaplesarkarCodec codec, String userId, String timeStamp, String sessionId,
			String authorizationToken) {
		String checksum = AaplesarkarCodec.checksum(String.join("|", userId, timeStamp, sessionId, codec.checksumKey(),
				authorizationToken));
		return String.join("|", userId, timeStamp, sessionId, checksum, authorizationToken);
	}

	/** Decrypts and parses {@code str} and checks its checksum (not its age): what MahaIT checks on GetParameterNew. */
	public static AaplesarkarToken parseAndCheck(AaplesarkarCodec codec, String str) {
		AaplesarkarToken token = parse(codec.decrypt(str));
		if (!token.checksumValid(codec)) {
			throw new Refused("Invalid checksum value");
		}
		return token;
	}

	/** The raw string Aaple Sarkar's checksum covers. */
	String checksumRaw(String checksumKey) {
		return String.join("|", List.of(userId, timeStamp, sessionId, checksumKey, authorizationToken));
	}

	/** Whether the token's checksum is Aaple Sarkar's under {@code codec}'s checksum key. */
	boolean checksumValid(AaplesarkarCodec codec) {
		return AaplesarkarCodec.sameChecksum(AaplesarkarCodec.checksum(checksumRaw(codec.checksumKey())), checksum);
	}

	public void verify(AaplesarkarCodec codec, Instant now, Duration maxAge, ZoneId zone) {
		if (!checksumValid(codec)) {
			throw new Refused("Invalid checksum value");
		}
		Instant issued = issuedAt(zone);
		if (Duration.between(issued, now).abs().compareTo(maxAge) > 0) {
			throw new Refused("the token's TimeStamp is stale (issued " + issued + ")");
		}
	}

	Instant issuedAt(ZoneId zone) {
		long ticks;
		try {
			ticks = Long.parseLong(timeStamp);
		}
		catch (NumberFormatException ex) {
			throw new Refused("the token's TimeStamp is not a number");
		}
		if (ticks < UNIX_EPOCH_TICKS) {
			throw new Refused("the token's TimeStamp is before 1970");
		}
		long sinceEpoch = ticks - UNIX_EPOCH_TICKS;
		LocalDateTime local = LocalDateTime.ofEpochSecond(sinceEpoch / 10_000_000L,
				(int) (sinceEpoch % 10_000_000L) * 100, java.time.ZoneOffset.UTC);
		return local.atZone(zone).toInstant();
	}

	/** .NET ticks of {@code at} on a clock in {@code zone}: how Aaple Sarkar (and the sandbox) stamps a token. */
	public static String ticks(Instant at, ZoneId zone) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		long seconds = local.toEpochSecond(java.time.ZoneOffset.UTC);
		return Long.toString(UNIX_EPOCH_TICKS + seconds * 10_000_000L + local.getNano() / 100);
	}

	/** The token is not one Aaple Sarkar issued just now for this department. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}

	}

}
