package org.sevahub.portal.aaplesarkar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aaple Sarkar's TripleDES and CRC-32 against the interop vectors in src/test/resources/vectors/aaplesarkar.json
 * (see its README), both ways, and everything the landing and the sandbox must refuse.
 */
class AaplesarkarCodecTest {

	static JsonNode file;

	static AaplesarkarCodec codec;

	@BeforeAll
	static void vectors() throws Exception {
		file = new ObjectMapper().readTree(AaplesarkarCodecTest.class.getResourceAsStream("/vectors/aaplesarkar.json"));
		codec = new AaplesarkarCodec(file.get("key").asText(), file.get("iv").asText(), file.get("checksumKey").asText());
	}

	static List<JsonNode> tripledes() throws Exception {
		vectors();
		List<JsonNode> cases = new ArrayList<>();
		file.get("tripledes").forEach(cases::add);
		assertThat(cases).hasSize(4);
		return cases;
	}

	static List<JsonNode> marathi() throws Exception {
		JsonNode marathi = new ObjectMapper()
			.readTree(AaplesarkarCodecTest.class.getResourceAsStream("/vectors/aaplesarkar-marathi.json"));
		List<JsonNode> cases = new ArrayList<>();
		marathi.get("vectors").forEach(cases::add);
		assertThat(cases).hasSize(2);
		return cases;
	}

	/** Known answers computed outside Java (python3 zlib.crc32), so a shared misreading of the rule cannot hide. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("marathi")
	void aChecksumOverAMarathiRemarkIsTheIndependentlyComputedOne(JsonNode vector) {
		String text = vector.get("text").asText();
		assertThat(text).as("the vector really carries Devanagari").containsPattern("\\p{IsDevanagari}");
		assertThat(AaplesarkarCodec.checksum(text)).isEqualTo(vector.get("crc32").asText());
		assertThat(AaplesarkarCodec.checksum(vector.get("asciiBytes").asText())).isEqualTo(vector.get("crc32").asText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tripledes")
	void encryptsToTheVector(JsonNode vector) {
		assertThat(codec.encrypt(vector.get("plaintext").asText())).isEqualTo(vector.get("hex").asText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tripledes")
	void decryptsTheVectorLowercaseHexToo(JsonNode vector) {
		assertThat(codec.decrypt(vector.get("hex").asText())).isEqualTo(vector.get("plaintext").asText());
		assertThat(codec.decrypt(vector.get("hex").asText().toLowerCase())).isEqualTo(vector.get("plaintext").asText());
	}

	@Test
	void theTokenVectorChecksAndDecryptsBothWays() {
		JsonNode token = file.get("tokenChecksum");
		assertThat(AaplesarkarCodec.checksum(token.get("raw").asText())).isEqualTo(token.get("checksum").asText());
		assertThat(codec.encrypt(token.get("token").asText())).isEqualTo(token.get("tokenHex").asText());
		AaplesarkarToken parsed = AaplesarkarToken.parseAndCheck(codec, token.get("tokenHex").asText());
		assertThat(parsed.userId()).isEqualTo("59fbcf05-f9f7-47d9-ae90-742122c6a292");
		assertThat(parsed.sessionId()).isEqualTo("Fgdfg654656466666rgfg");
		assertThat(parsed.checksumRaw(codec.checksumKey())).isEqualTo(token.get("raw").asText());
		// .NET ticks of 2024-11-22 16:35:23.4567890 on an IST clock
		assertThat(parsed.issuedAt(ZoneId.of("Asia/Kolkata"))).isEqualTo(Instant.parse("2024-11-22T11:05:23.456789Z"));
		assertThat(AaplesarkarToken.ticks(Instant.parse("2024-11-22T11:05:23.456789Z"), ZoneId.of("Asia/Kolkata")))
			.isEqualTo(parsed.timeStamp());
		String issued = AaplesarkarToken.issue(codec, parsed.userId(), parsed.timeStamp(), parsed.sessionId(),
				parsed.authorizationToken());
		assertThat(issued).isEqualTo(token.get("token").asText());
	}

	@Test
	void thePullVectorIsTheTwentyOneFieldString() {
		JsonNode pull = file.get("pullChecksum");
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < AaplesarkarConnector.FIELDS.size(); i++) {
			fields.put(AaplesarkarConnector.FIELDS.get(i), pull.get("fields").get(i).asText());
		}
		assertThat(AaplesarkarConnector.finalString(fields, codec)).isEqualTo(pull.get("final").asText());
		assertThat(pull.get("final").asText()).endsWith("|" + pull.get("checksum").asText());
	}

	@Test
	void aTokenWithAWrongChecksumAStaleTimestampOrAMissingFieldIsRefused() {
		Instant now = Instant.parse("2026-11-25T10:00:00Z");
		ZoneId ist = ZoneId.of("Asia/Kolkata");
		String ticks = AaplesarkarToken.ticks(now.minusSeconds(30), ist);
		String good = AaplesarkarToken.issue(codec, "u-1", ticks, "S1", "auth-1");
		AaplesarkarToken.parse(good).verify(codec, now, Duration.ofMinutes(10), ist);

		String[] parts = good.split("\\|");
		String wrongSum = String.join("|", parts[0], parts[1], parts[2], "12345", parts[4]);
		assertThatThrownBy(() -> AaplesarkarToken.parse(wrongSum).verify(codec, now, Duration.ofMinutes(10), ist))
			.hasMessage("Invalid checksum value");
		String anotherSession = String.join("|", parts[0], parts[1], "S2", parts[3], parts[4]);
		assertThatThrownBy(() -> AaplesarkarToken.parse(anotherSession).verify(codec, now, Duration.ofMinutes(10), ist))
			.hasMessage("Invalid checksum value");

		String stale = AaplesarkarToken.issue(codec, "u-1", AaplesarkarToken.ticks(now.minusSeconds(11 * 60), ist), "S1",
				"auth-1");
		assertThatThrownBy(() -> AaplesarkarToken.parse(stale).verify(codec, now, Duration.ofMinutes(10), ist))
			.hasMessageContaining("stale");
		String future = AaplesarkarToken.issue(codec, "u-1", AaplesarkarToken.ticks(now.plusSeconds(11 * 60), ist), "S1",
				"auth-1");
		assertThatThrownBy(() -> AaplesarkarToken.parse(future).verify(codec, now, Duration.ofMinutes(10), ist))
			.hasMessageContaining("stale");
		assertThatThrownBy(() -> AaplesarkarToken.parse("u-1|" + ticks + "|S1|auth-1"))
			.hasMessageContaining("4 fields");
		assertThatThrownBy(() -> AaplesarkarToken.parse("u-1||S1|1|auth-1")).hasMessageContaining("empty field");
	}

	@Test
	void tamperedHexAWrongKeyOddLengthAndNonHexAreRefusedNotGuessed() {
		String hex = file.get("tokenChecksum").get("tokenHex").asText();
		for (int at : new int[] { 0, 17, hex.length() / 2, hex.length() - 1 }) {
			char flipped = hex.charAt(at) == 'A' ? 'B' : 'A';
			String tampered = hex.substring(0, at) + flipped + hex.substring(at + 1);
			assertThatThrownBy(() -> AaplesarkarToken.parseAndCheck(codec, tampered)).as("flip at %d", at)
				.isInstanceOfAny(AaplesarkarCodec.AaplesarkarCryptoException.class, AaplesarkarToken.Refused.class);
		}
		AaplesarkarCodec wrongKey = new AaplesarkarCodec("Another-Key-Of-24-Chars!", file.get("iv").asText(),
				file.get("checksumKey").asText());
		assertThatThrownBy(() -> AaplesarkarToken.parseAndCheck(wrongKey, hex))
			.isInstanceOfAny(AaplesarkarCodec.AaplesarkarCryptoException.class, AaplesarkarToken.Refused.class);
		assertThatThrownBy(() -> codec.decrypt(hex.substring(1))).isInstanceOf(AaplesarkarCodec.AaplesarkarCryptoException.class)
			.hasMessageContaining("odd-length");
		assertThatThrownBy(() -> codec.decrypt("ZZ" + hex.substring(2))).hasMessageContaining("not hex");
		assertThatThrownBy(() -> codec.decrypt(hex.substring(0, hex.length() - 2))).hasMessageContaining("blocks");
		assertThatThrownBy(() -> codec.decrypt("")).hasMessageContaining("empty");
		assertThatThrownBy(() -> new AaplesarkarCodec("short", "DemoIV8!", "k")).hasMessageContaining("24 bytes");
	}

	@Test
	void aMarathiRemarkIsChecksummedAsDotNetsAsciiBytesAndSurvivesTheCipher() {
		String remark = "कागदपत्रे तपासली, अर्ज मंजूर";
		// every UTF-16 unit of the Devanagari text is one '?', ASCII (space, comma) stays itself
		String expectedBytes = remark.chars().mapToObj(c -> c < 0x80 ? String.valueOf((char) c) : "?").reduce("", String::concat);
		assertThat(new String(AaplesarkarCodec.dotNetAscii(remark), StandardCharsets.US_ASCII)).isEqualTo(expectedBytes);
		CRC32 crc = new CRC32();
		crc.update(expectedBytes.getBytes(StandardCharsets.US_ASCII));
		assertThat(AaplesarkarCodec.checksum(remark)).isEqualTo(Long.toString(crc.getValue()));
		assertThat(AaplesarkarCodec.checksum("A \uD83D\uDE00 B")).as("a surrogate pair is one '?'")
			.isEqualTo(AaplesarkarCodec.checksum("A ? B"));

		Map<String, String> fields = new LinkedHashMap<>();
		AaplesarkarConnector.FIELDS.forEach(name -> fields.put(name, "NA"));
		fields.put("Remark", remark);
		String finalString = AaplesarkarConnector.finalString(fields, codec);
		String received = codec.decrypt(codec.encrypt(finalString));
		assertThat(received).isEqualTo(finalString).contains(remark);
		String[] f = received.split("\\|", -1);
		assertThat(codec.keyedChecksum(List.of(f).subList(0, 20))).isEqualTo(f[20]);
		assertThat(Long.parseLong(f[20])).isBetween(0L, 0xFFFFFFFFL);
	}

	@Test
	void theJdksCrcIsTheDocumentsDotNetCrc() {
		for (String raw : List.of("", "a", file.get("tokenChecksum").get("raw").asText(), "अर्ज मंजूर|NA|42",
				"x".repeat(10_000))) {
			assertThat(AaplesarkarCodec.checksum(raw))
				.isEqualTo(Long.toString(DotNetCrc32.compute(AaplesarkarCodec.dotNetAscii(raw))));
		}
	}

	@Test
	void aRemarkCannotBreakThePipeString() {
		assertThat(AaplesarkarConnector.remark("ok | 4 |\nnext")).isEqualTo("ok / 4 / next");
	}

}
