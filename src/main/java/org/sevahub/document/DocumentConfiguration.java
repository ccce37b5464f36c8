package org.sevahub.document;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The scanner and the store {@code sevahub.documents.scanner} and {@code .store} choose; a typo stops the start. */
@Configuration
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

	@Bean
	VirusScanner virusScanner(DocumentProperties properties) {
		return switch (properties.scanner()) {
			case "none" -> new NotScanned();
			case "clamd" -> new ClamdScanner(properties.clamd().host(), properties.clamd().port(),
					properties.clamd().timeout());
			default -> throw new IllegalStateException(
					"sevahub.documents.scanner must be none or clamd, not " + properties.scanner());
		};
	}

	@Bean
	DocumentStore documentStore(DocumentProperties properties, JdbcClient jdbc) {
		return switch (properties.store()) {
			case DatabaseDocumentStore.NAME -> new DatabaseDocumentStore(jdbc);
			case S3DocumentStore.NAME -> new S3DocumentStore(s3Client(properties.s3()), bucket(properties.s3()));
			default -> throw new IllegalStateException(
					"sevahub.documents.store must be database or s3, not " + properties.store());
		};
	}

	static S3Client s3Client(DocumentProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyle())
			// The SDK's default trailing CRC checksums (since 2.30) are AWS's alone: S3-compatible servers reject
			// the upload ("x-amz-content-sha256 does not match"). Checksums only where the API requires them.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(s3.accessKey() != null && !s3.accessKey().isBlank()
					? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
					: DefaultCredentialsProvider.builder().build());
		if (s3.endpoint() != null) {
			builder.endpointOverride(s3.endpoint());
		}
		return builder.build();
	}

	private static String bucket(DocumentProperties.S3 s3) {
		if (s3.bucket() == null || s3.bucket().isBlank()) {
			throw new IllegalStateException("sevahub.documents.s3.bucket is required with sevahub.documents.store=s3");
		}
		return s3.bucket();
	}

}
