package org.sevahub.portal.isp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ISP's AES against the interop vectors in src/test/resources/vectors/isp-aes.json (see its README), both ways,
 * and what must fail.
 */
class IspCipherTest {

	static List<JsonNode> vectors() throws Exception {
		JsonNode file = new ObjectMapper().readTree(IspCipherTest.class.getResourceAsStream("/vectors/isp-aes.json"));
		List<JsonNode> cases = new ArrayList<>();
		file.get("cases").forEach(cases::add);
		assertThat(cases).hasSize(4);
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void encryptsToTheVector(JsonNode vector) {
		IspCipher cipher = new IspCipher(vector.get("secret").asText(), IspCipher.DEFAULT_SALT);
		assertThat(cipher.encrypt(vector.get("plaintext").asText())).isEqualTo(vector.get("ciphertext_base64").asText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void decryptsTheVector(JsonNode vector) {
		IspCipher cipher = new IspCipher(vector.get("secret").asText(), IspCipher.DEFAULT_SALT);
		assertThat(cipher.decrypt(vector.get("ciphertext_base64").asText())).isEqualTo(vector.get("plaintext").asText());
	}

	@Test
	void anotherKeyDoesNotOpenIt() {
		String sealed = new IspCipher("demo-isp-secret-key", IspCipher.DEFAULT_SALT).encrypt("{\"request_id\":\"12345678901234\"}");
		assertThatThrownBy(() -> new IspCipher("wrong-secret", IspCipher.DEFAULT_SALT).decrypt(sealed))
			.isInstanceOf(IspCipher.IspCryptoException.class);
		assertThatThrownBy(() -> new IspCipher("demo-isp-secret-key", "00000000111111111").decrypt(sealed))
			.as("the 17-byte salt of the C# sample is another key")
			.isInstanceOf(IspCipher.IspCryptoException.class);
	}

	@Test
	void tamperedOrMalformedDataIsRefusedNotGuessed() {
		IspCipher cipher = new IspCipher("demo-isp-secret-key", IspCipher.DEFAULT_SALT);
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("{\"remarks\":\"कागज़ात पूरे हैं\"}"));
		sealed[sealed.length - 1] ^= 0x01;
		assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed)))
			.isInstanceOf(IspCipher.IspCryptoException.class);
		assertThatThrownBy(() -> cipher.decrypt("not base64 at all!")).isInstanceOf(IspCipher.IspCryptoException.class)
			.hasMessageContaining("Base64");
		assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(new byte[17])))
			.isInstanceOf(IspCipher.IspCryptoException.class)
			.hasMessageContaining("blocks");
	}

	@Test
	void devanagariRoundTrips() {
		IspCipher cipher = new IspCipher("demo-isp-secret-key", IspCipher.DEFAULT_SALT);
		String remarks = "{\"remarks\":\"आवेदन तहसीलदार को अग्रेषित, दस्तावेज़ पूर्ण\"}";
		assertThat(cipher.decrypt(cipher.encrypt(remarks))).isEqualTo(remarks);
	}

}
