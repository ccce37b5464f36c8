package org.sevahub.sandbox.faults;

import java.time.Duration;
import java.util.Map;

import org.sevahub.application.EngineClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Switches a simulated counterpart's fault on and off: {@code PUT /sandbox/faults/isp {"mode": "DOWN",
 * "forSeconds": 3600}}, {@code {"mode": "REJECT", "count": 2}}, {@code {"mode": "SLOW", "delayMillis": 2000}};
 * {@code DELETE} switches it off.
 */
@RestController
@ConditionalOnProperty(name = "sevahub.sandbox.enabled", havingValue = "true")
class SandboxFaultController {

	private final SandboxFaults faults;

	SandboxFaultController(SandboxFaults faults) {
		this.faults = faults;
	}

	record FaultRequest(SandboxFaults.Mode mode, Integer count, Integer delayMillis, Long forSeconds) {
	}

	@PutMapping("/sandbox/faults/{portal}")
	ResponseEntity<Object> set(@PathVariable String portal, @RequestBody FaultRequest request) {
		if (request.mode() == null) {
			return ResponseEntity.badRequest().body(Map.of("error", "mode is one of DOWN, ERROR, SLOW, REJECT"));
		}
		faults.set(new SandboxFaults.Fault(portal, request.mode(), request.count(),
				request.delayMillis() == null ? 0 : request.delayMillis(),
				request.forSeconds() == null ? null : EngineClock.now().plus(Duration.ofSeconds(request.forSeconds()))));
		return ResponseEntity.ok(faults.find(portal).orElseThrow());
	}

	@GetMapping("/sandbox/faults/{portal}")
	ResponseEntity<Object> get(@PathVariable String portal) {
		return faults.find(portal).<ResponseEntity<Object>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.ok(Map.of("portal", portal, "mode", "NONE")));
	}

	@DeleteMapping("/sandbox/faults/{portal}")
	ResponseEntity<Void> clear(@PathVariable String portal) {
		faults.clear(portal);
		return ResponseEntity.noContent().build();
	}

}
