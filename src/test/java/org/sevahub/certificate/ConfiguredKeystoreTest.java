package org.sevahub.certificate;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Under {@code postgres} the department's keystore is read before the node serves (docs/deployment.md): a wrong
 * path, password or alias stops the start. Before, the node started, answered ready, and the first approved
 * application's certificate failed.
 */
class ConfiguredKeystoreTest {

	@TempDir
	static Path dir;

	static Path keystore;

	@BeforeAll
	static void departmentKeystore() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Test department,C=IN");
		Instant now = Instant.now();
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("sevahub", pair.getPrivate(), "right".toCharArray(), new X509Certificate[] { certificate });
		keystore = dir.resolve("signing.p12");
		try (OutputStream out = Files.newOutputStream(keystore)) {
			store.store(out, "right".toCharArray());
		}
	}

	private static SigningKeys keys(String location, String password, String alias) {
		// No database: a configured keystore never touches it.
		return new SigningKeys(null, location, password, alias, "CN=unused");
	}

	@Test
	void aReadableKeystoreIsReadBeforeServing() {
		SigningKeys keys = keys("file:" + keystore, "right", "sevahub");
		assertThatNoException().isThrownBy(keys::readConfiguredKeystore);
		assertThat(keys.identity().certificate().getSubjectX500Principal().getName()).contains("Test department");
	}

	@Test
	void aMissingFileStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> keys("file:" + dir.resolve("absent.p12"), "right", "sevahub")
			.readConfiguredKeystore()).withMessageContaining("Cannot read the signing keystore");
	}

	@Test
	void aWrongPasswordStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> keys("file:" + keystore, "wrong", "sevahub")
			.readConfiguredKeystore()).withMessageContaining("Cannot read the signing keystore");
	}

	@Test
	void aWrongAliasStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> keys("file:" + keystore, "right", "other")
			.readConfiguredKeystore()).withMessageContaining("Cannot read the signing keystore");
	}

	@Test
	void theDemoKeyIsLeftToItsFirstUse() {
		// Blank keystore: nothing is read at start (the demo key lives in the database, made on first use).
		assertThatNoException().isThrownBy(keys("", "right", "sevahub")::readConfiguredKeystore);
	}

}
