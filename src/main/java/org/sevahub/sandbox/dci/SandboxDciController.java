package org.sevahub.sandbox.dci;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.sevahub.portal.dci.DciRefusal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox registry's endpoints at /sandbox/dci/registry/..., the IBR spec's registry side, and its records
 * at /sandbox/records/dci/... (every request it received, as received; the beneficiaries; a hand flush of
 * asynchronous answers for tests).
 */
@RestController
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.dci.enabled" }, havingValue = "true")
class SandboxDciController {

	private final SandboxDciRegistry registry;

	private final SandboxDciRecords records;

	private final SandboxDciCallbacks callbacks;

	SandboxDciController(SandboxDciRegistry registry, SandboxDciRecords records, SandboxDciCallbacks callbacks) {
		this.registry = registry;
		this.records = records;
		this.callbacks = callbacks;
	}

	@PostMapping(path = "/sandbox/dci/registry/search", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> search(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody(required = false) byte[] body) {
		return handle("/registry/search", auth, body, registry::asyncSearch);
	}

	@PostMapping(path = "/sandbox/dci/registry/sync/search", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> syncSearch(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody(required = false) byte[] body) {
		return handle("/registry/sync/search", auth, body, registry::syncSearch);
	}

	@PostMapping(path = "/sandbox/dci/registry/sync/enrollment/updates", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> enrollmentUpdates(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody(required = false) byte[] body) {
		return handle("/registry/sync/enrollment/updates", auth, body, registry::enrollmentUpdates);
	}

	@PostMapping(path = "/sandbox/dci/registry/sync/enrolled", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> enrolled(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody(required = false) byte[] body) {
		return handle("/registry/sync/enrolled", auth, body, registry::enrolled);
	}

	@PostMapping(path = "/sandbox/dci/registry/sync/txn/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> syncTxnStatus(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody(required = false) byte[] body) {
		return handle("/registry/sync/txn/status", auth, body, registry::syncTxnStatus);
	}

	@PostMapping(path = "/sandbox/dci/registry/txn/status", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> txnStatus(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody(required = false) byte[] body) {
		return handle("/registry/txn/status", auth, body, registry::asyncTxnStatus);
	}

	@GetMapping("/sandbox/records/dci/inbox")
	List<Map<String, Object>> inbox() {
		return records.inbox();
	}

	@GetMapping("/sandbox/records/dci/beneficiaries")
	List<SandboxDciRecords.Beneficiary> beneficiaries() {
		return records.all();
	}

	/** What the registry posted back, as sent (body, header status and counts, whether a bearer token went). */
	@GetMapping("/sandbox/records/dci/callbacks")
	List<Map<String, Object>> callbacks() {
		return records.callbacks();
	}

	/** Sends the pending answers now, or only the oldest {@code limit} (one part of a split answer, say). */
	@PostMapping("/sandbox/records/dci/callbacks/flush")
	Map<String, Integer> flush(@RequestParam(required = false) Integer limit) {
		return Map.of("sent", limit == null ? callbacks.flush() : callbacks.flush(limit));
	}

	private ResponseEntity<Object> handle(String path, String auth, byte[] body,
			BiFunction<String, byte[], Object> endpoint) {
		byte[] raw = body == null ? new byte[0] : body;
		String text = new String(raw, StandardCharsets.UTF_8);
		try {
			Object answer = endpoint.apply(auth, raw);
			records.inbox(path, text, "OK");
			return ResponseEntity.ok(answer);
		}
		catch (DciRefusal refusal) {
			records.inbox(path, text, refusal.code());
			return ResponseEntity.status(refusal.httpStatus()).body(refusal.body());
		}
	}

}
