package org.sevahub.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.platform.BeforeServing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the signing key comes from. With {@code sevahub.certificates.keystore} set (production), a PKCS#12 file
 * from configuration. Without it (the demo), a key pair and self-signed certificate generated on first start
 * and kept in the database, so every node signs with the same key and certificates keep verifying after a
 * restart.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static final String DEMO_ALIAS = "demo";

	private final JdbcClient jdbc;

	private final String keystore;

	private final char[] password;

	private final String alias;

	private final String subject;

	private volatile SigningIdentity identity;

	SigningKeys(JdbcClient jdbc, @Value("${sevahub.certificates.keystore:}") String keystore,
			@Value("${sevahub.certificates.keystore-password:${sevahub.crypto.field-key}}") String password,
			@Value("${sevahub.certificates.key-alias:sevahub}") String alias,
			@Value("${sevahub.certificates.demo-subject:CN=SevaHub demo signing key,O=SevaHub sandbox department,C=IN}") String subject) {
		this.jdbc = jdbc;
		this.keystore = keystore;
		this.password = password.toCharArray();
		this.alias = alias;
		this.subject = subject;
	}

	/**
	 * A configured keystore is read before the node serves (and before its readiness answers 200): a wrong path,
	 * password or alias stops the start with its reason, instead of passing every check and failing the first
	 * certificate an officer approves. The demo key is left to its first use.
	 */
	@EventListener(BeforeServing.Event.class)
	public void readConfiguredKeystore() {
		if (!keystore.isBlank()) {
			identity();
			log.info("Signing with {} from {}", alias, keystore);
		}
	}

	SigningIdentity identity() {
		SigningIdentity held = identity;
		if (held == null) {
			synchronized (this) {
				if (identity == null) {
					identity = keystore.isBlank() ? demo() : configured();
				}
				held = identity;
			}
		}
		return held;
	}

	private SigningIdentity configured() {
		try (InputStream in = new DefaultResourceLoader().getResource(keystore).getInputStream()) {
			return fromPkcs12(in.readAllBytes(), alias);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the signing keystore " + keystore, ex);
		}
	}

	private SigningIdentity demo() {
		try {
			byte[] stored = stored();
			if (stored == null) {
				try {
					jdbc.sql("INSERT INTO signing_key (alias, pkcs12, created_at) VALUES (:alias, :p12, :at)")
						.param("alias", DEMO_ALIAS)
						.param("p12", generate())
						.param("at", ApplicationRepository.timestamp(EngineClock.now()))
						.update();
					log.warn("Generated a demo signing key (self-signed): configure sevahub.certificates.keystore in production");
				}
				catch (DuplicateKeyException anotherNode) {
					// Another node generated it first; use theirs.
				}
				stored = stored();
			}
			return fromPkcs12(stored, DEMO_ALIAS);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot set up the demo signing key", ex);
		}
	}

	private byte[] stored() {
		return jdbc.sql("SELECT pkcs12 FROM signing_key WHERE alias = :alias")
			.param("alias", DEMO_ALIAS)
			.query((rs, row) -> rs.getBytes("pkcs12"))
			.optional()
			.orElse(null);
	}

	private byte[] generate() throws GeneralSecurityException, IOException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072);
		KeyPair pair = generator.generateKeyPair();
		Instant now = Instant.now();
		X500Name name = new X500Name(subject);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
				new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
				Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		X509Certificate certificate;
		try {
			certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		}
		catch (org.bouncycastle.operator.OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(DEMO_ALIAS, pair.getPrivate(), password, new X509Certificate[] { certificate });
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		store.store(out, password);
		return out.toByteArray();
	}

	private SigningIdentity fromPkcs12(byte[] bytes, String keyAlias) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(new ByteArrayInputStream(bytes), password);
		PrivateKey key = (PrivateKey) store.getKey(keyAlias, password);
		if (key == null) {
			throw new GeneralSecurityException("No key " + keyAlias + " in the keystore");
		}
		return new SigningIdentity(key, (X509Certificate) store.getCertificate(keyAlias));
	}

}
