package org.sevahub.citizen;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per number and per client address. They live in this node's memory: behind a balancer
 * each node allows its share, which bounds guessing as well as one shared store would, without one more service.
 * Caffeine forgets idle buckets, so a flood of addresses cannot grow the heap without bound.
 */
@Component
class RateLimits {

	enum Kind {

		OTP_PER_MOBILE, OTP_PER_ADDRESS, TRACK, VERIFY

	}

	private final CitizenProperties.Limits limits;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	RateLimits(CitizenProperties properties) {
		this.limits = properties.limits();
	}

	/** Takes one request from the key's bucket; false when it is empty. */
	boolean allow(Kind kind, String key) {
		return buckets.get(kind + ":" + key, k -> bucket(kind)).tryConsume(1);
	}

	private Bucket bucket(Kind kind) {
		return switch (kind) {
			case OTP_PER_MOBILE -> bucket(limits.otpPerMobile(), limits.window());
			case OTP_PER_ADDRESS -> bucket(limits.otpPerAddress(), limits.window());
			case TRACK -> bucket(limits.trackPerMinute(), Duration.ofMinutes(1));
			case VERIFY -> bucket(limits.verifyPerMinute(), Duration.ofMinutes(1));
		};
	}

	private static Bucket bucket(int capacity, Duration window) {
		// Refilled whole at the end of each window: "n per window" means exactly that, which a person can be told.
		return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window)).build();
	}

}
