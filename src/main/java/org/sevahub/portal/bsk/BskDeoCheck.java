package org.sevahub.portal.bsk;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.sevahub.application.AuditTrail;
import org.sevahub.application.EngineClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * API-6: is this DEO active at BSK? Asked before an API-1 is accepted, and believed for a few minutes, so a
 * busy BSK centre costs one call per operator rather than one per citizen. The cache is per node (a stale
 * answer on another node is as brief); Caffeine bounds its size and evicts by wall time, while freshness is
 * judged on the engine's clock, so tests that move the clock see the cache expire.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskDeoCheck {

	enum Status {

		ACTIVE, INACTIVE, UNKNOWN

	}

	record Deo(Status status, String detail, Instant checkedAt) {
	}

	private final BskClient client;

	private final BskProperties properties;

	private final AuditTrail audit;

	private final Cache<Long, Deo> cache;

	BskDeoCheck(BskClient client, BskProperties properties, AuditTrail audit) {
		this.client = client;
		this.properties = properties;
		this.audit = audit;
		this.cache = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(properties.deoCacheTtl()).build();
	}

	/** Refuses an API-1 from a DEO BSK says is inactive or does not know. */
	void requireActive(long userid) {
		Deo deo = status(userid);
		if (deo.status() == Status.INACTIVE) {
			throw new BskRefusal("DEO " + userid + " is inactive at BSK (API-6 userStatus 2): initiation refused");
		}
		if (deo.status() == Status.UNKNOWN) {
			throw new BskRefusal("DEO " + userid + " is not known to BSK (API-6: " + deo.detail() + ")");
		}
	}

	/**
	 * The DEO's status, from the cache while fresh. Concurrent misses for one DEO make one API-6 call (the
	 * others wait for its answer); a refusal (BSK unreachable or not answering as BSK) is not cached.
	 */
	Deo status(long userid) {
		Instant now = EngineClock.now();
		Deo cached = cache.getIfPresent(userid);
		if (cached != null) {
			if (fresh(cached, now)) {
				return cached;
			}
			cache.asMap().remove(userid, cached);
		}
		return cache.get(userid, id -> ask(id, now));
	}

	private boolean fresh(Deo deo, Instant now) {
		return !now.isBefore(deo.checkedAt()) && now.isBefore(deo.checkedAt().plus(properties.deoCacheTtl()));
	}

	private Deo ask(long userid, Instant now) {
		BskClient.Answer answer;
		try {
			answer = client.api6(userid);
		}
		catch (IOException | org.springframework.web.client.RestClientException ex) {
			audit.record(AuditTrail.Direction.OUT, BskClient.PORTAL, "api6", String.valueOf(userid), "UNREACHABLE",
					ex.getMessage());
			throw new BskRefusal(503, "BSK's API-6 could not be reached to verify DEO " + userid + "; try again");
		}
		if (answer.httpStatus() >= 500) {
			throw new BskRefusal(503, "BSK's API-6 answered HTTP " + answer.httpStatus() + " for DEO " + userid
					+ "; try again");
		}
		// Not BSK answering about the DEO (a proxy's page, an expired credential, a wrong URL): BSK is
		// unavailable, not the DEO unknown, and nothing is cached.
		int http = answer.httpStatus();
		if (!answer.json() || http == 401 || http == 403 || http == 404) {
			audit.record(AuditTrail.Direction.OUT, BskClient.PORTAL, "api6", String.valueOf(userid), "UNAVAILABLE",
					"HTTP " + http + (answer.json() ? "" : ", not JSON"));
			throw new BskRefusal(503, "BSK unavailable: API-6 answered HTTP " + http
					+ (answer.json() ? "" : " without BSK's JSON") + " for DEO " + userid + "; try again");
		}
		JsonNode body = answer.body();
		if (answer.statusCode() != 200) {
			return new Deo(Status.UNKNOWN, body.path("message").asText("statusCode " + answer.statusCode()), now);
		}
		int userStatus = body.path("userStatus").asInt(0);
		return new Deo(userStatus == 1 ? Status.ACTIVE : userStatus == 2 ? Status.INACTIVE : Status.UNKNOWN,
				"userStatus " + userStatus, now);
	}

}
