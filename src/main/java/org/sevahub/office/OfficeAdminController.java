package org.sevahub.office;

import java.security.Principal;
import java.util.Map;

import org.sevahub.application.ApplicationNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfer of an application between offices, for members of camunda-admin (SecurityConfiguration's admin chain
 * covers /api/v1/admin/**). An unreadable or oversize body is the doors' advice's to answer (400 or 413 in the
 * API's shape), not this controller's.
 */
@RestController
// JSON only, decided when the call is mapped: an Accept the API cannot answer is refused before the transfer,
// never after it has committed.
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class OfficeAdminController {

	private final OfficeTransfers transfers;

	OfficeAdminController(OfficeTransfers transfers) {
		this.transfers = transfers;
	}

	record TransferRequest(String toOffice, String reason) {
	}

	@PostMapping("/api/v1/admin/applications/{applicationNo}/transfer")
	OfficeTransfers.Transfer transfer(@PathVariable String applicationNo, @RequestBody TransferRequest request,
			Principal admin) {
		return transfers.transfer(applicationNo, request.toOffice(), request.reason(), admin.getName());
	}

	@ExceptionHandler(TransferRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(TransferRefusedException refused) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", "invalid", "message", refused.getMessage()));
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	ResponseEntity<Map<String, Object>> missing(ApplicationNotFoundException missing) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", "not-found", "message", missing.getMessage()));
	}

}
