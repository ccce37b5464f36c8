package org.sevahub.document;

import java.util.UUID;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Documents' bytes in an S3-compatible object store (AWS SDK v2; any endpoint: MinIO, Ceph, a cloud's S3). An
 * object store takes no part in the database's transaction, so an object written for an upload whose
 * transaction then rolls back is deleted again, and the row never points at an object that was not written.
 */
class S3DocumentStore implements DocumentStore {

	static final String NAME = "s3";

	private final S3Client s3;

	private final String bucket;

	S3DocumentStore(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String put(byte[] content, String mediaType) {
		String key = "documents/" + UUID.randomUUID();
		s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(mediaType).build(),
				RequestBody.fromBytes(content));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						delete(key);
					}
				}
			});
		}
		return key;
	}

	@Override
	public byte[] get(String key) {
		return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()).asByteArray();
	}

	@Override
	public void delete(String key) {
		s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
	}

}
