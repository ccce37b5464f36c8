package org.sevahub.document;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.TestDocuments;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3-compatible store against a real S3 server: S3Proxy (Maven Central's {@code org.gaul:s3proxy}, in-memory
 * jclouds backend), which the build copies to target/s3proxy and this test runs as its own JVM, spoken to with
 * the same AWS SDK v2 client and path-style addressing SevaHub uses for MinIO and the like.
 */
class S3DocumentStoreTest {

	static Process s3proxy;

	static S3Client s3;

	static S3DocumentStore store;

	@BeforeAll
	static void startS3Proxy() throws Exception {
		Path jar = Path.of("target", "s3proxy", "s3proxy.jar");
		assertThat(jar).as("S3Proxy, copied by maven-dependency-plugin (./mvnw test)").exists();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path dir = Files.createTempDirectory("s3proxy");
		Files.writeString(dir.resolve("s3proxy.conf"), String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
				"s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=sevahub-test",
				"s3proxy.credential=sevahub-test-secret", "jclouds.provider=transient", "jclouds.identity=sevahub-test",
				"jclouds.credential=sevahub-test-secret", ""));
		s3proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-jar", jar.toAbsolutePath().toString(), "--properties", dir.resolve("s3proxy.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("s3proxy.log").toFile())
			.start();
		// us-east-1: S3's one region whose bucket creation carries no location constraint, which S3Proxy's
		// in-memory backend would refuse.
		s3 = DocumentConfiguration.s3Client(new DocumentProperties.S3(URI.create("http://127.0.0.1:" + port),
				"us-east-1", "sevahub-documents", "sevahub-test", "sevahub-test-secret", true));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			try {
				s3.createBucket(b -> b.bucket("sevahub-documents"));
				break;
			}
			catch (RuntimeException notYet) {
				if (!s3proxy.isAlive() || Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("S3Proxy did not start; see " + dir.resolve("s3proxy.log"), notYet);
				}
				Thread.sleep(250);
			}
		}
		store = new S3DocumentStore(s3, "sevahub-documents");
	}

	@AfterAll
	static void stopS3Proxy() {
		if (s3proxy != null) {
			s3proxy.destroy();
		}
	}

	@Test
	void aDocumentIsKeptReadAndDeleted() {
		byte[] pdf = TestDocuments.pdf("Ration card");
		String key = store.put(pdf, "application/pdf");
		assertThat(key).startsWith("documents/");
		assertThat(store.get(key)).isEqualTo(pdf);
		assertThat(s3.headObject(h -> h.bucket("sevahub-documents").key(key)).contentType()).isEqualTo("application/pdf");
		store.delete(key);
		assertThatThrownBy(() -> store.get(key)).isInstanceOf(NoSuchKeyException.class);
	}

	@Test
	void anObjectWrittenForAnUploadThatRollsBackIsDeletedAgain() {
		TransactionSynchronizationManager.initSynchronization();
		String rolledBack;
		try {
			rolledBack = store.put(TestDocuments.pdf("refused later"), "application/pdf");
			assertThat(store.get(rolledBack)).isNotEmpty();
			TransactionSynchronizationManager.getSynchronizations()
				.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThatThrownBy(() -> store.get(rolledBack)).isInstanceOf(NoSuchKeyException.class);

		TransactionSynchronizationManager.initSynchronization();
		String committed;
		try {
			committed = store.put(TestDocuments.pdf("kept"), "application/pdf");
			TransactionSynchronizationManager.getSynchronizations()
				.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(store.get(committed)).isNotEmpty();
	}

	@Test
	void theS3StoreNeedsItsBucket() {
		DocumentProperties properties = new DocumentProperties("none", null, "s3",
				new DocumentProperties.S3(URI.create("http://127.0.0.1:1"), "ap-south-1", " ", null, null, true), null, 1,
				null);
		assertThatThrownBy(() -> new DocumentConfiguration().documentStore(properties, null))
			.hasMessageContaining("sevahub.documents.s3.bucket");
	}

}
