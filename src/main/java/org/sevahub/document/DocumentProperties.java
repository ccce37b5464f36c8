package org.sevahub.document;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sevahub.documents.*}.
 *
 * @param scanner        {@code none} (the embedded default: files are marked not scanned) or {@code clamd}
 * @param store          {@code database} (bytea, the default) or {@code s3}
 * @param linkLifetime   how long a download link handed to a citizen or an officer works
 * @param maxImagePixels the largest picture (width × height) decoded at all
 */
@ConfigurationProperties("sevahub.documents")
public record DocumentProperties(@DefaultValue("none") String scanner, @DefaultValue Clamd clamd,
		@DefaultValue("database") String store, @DefaultValue S3 s3, @DefaultValue("5m") Duration linkLifetime,
		@DefaultValue("40000000") long maxImagePixels, @DefaultValue Retention retention) {

	/** Where clamd listens (its {@code TCPSocket}/{@code TCPAddr}), and how long a scan may take. */
	public record Clamd(@DefaultValue("127.0.0.1") String host, @DefaultValue("3310") int port,
			@DefaultValue("30s") Duration timeout) {
	}

	/**
	 * An S3-compatible store. Credentials are read from here when set, else from the SDK's default chain
	 * (environment, instance role).
	 */
	public record S3(URI endpoint, @DefaultValue("ap-south-1") String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("true") boolean pathStyle) {
	}

	/** When the deletion of documents past their retention runs (every node may run it; rows are claimed). */
	public record Retention(@DefaultValue("0 30 2 * * *") String cron, @DefaultValue("200") int batchSize) {
	}

}
