package org.sevahub.office;

import java.security.Principal;
import java.util.Map;

import org.sevahub.application.ApplicationNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfer of an application between offices, for members of camunda-admin (SecurityConfiguration's admin chain
 * covers /api/v1/admin/**).
 */
@RestController
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
		return ResponseEntity.badRequest().body(Map.of("error", "refused", "message", refused.getMessage()));
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	ResponseEntity<Map<String, Object>> missing(ApplicationNotFoundException missing) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "not-found", "message", missing.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable() {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "refused", "message", "Send {\"toOffice\": \"WB-HWH\", \"reason\": \"...\"} as JSON"));
	}

}
