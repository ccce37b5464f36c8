package org.sevahub.migration;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration of running applications as REST, for members of camunda-admin (SecurityConfiguration's admin chain covers
 * /api/v1/admin/**): each process's versions, the engine's plan between two, a dry run, and batch migrations with
 * their progress and report. The same as the page at /admin/migration.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/migration", produces = MediaType.APPLICATION_JSON_VALUE)
class MigrationApiController {

	private final ProcessMigrations migrations;

	MigrationApiController(ProcessMigrations migrations) {
		this.migrations = migrations;
	}

	/** @param processInstanceIds the instances to move; none: every instance on the source version */
	record MigrationRequest(String source, String target, List<String> processInstanceIds) {
	}

	@GetMapping("/processes")
	List<ProcessMigrations.ProcessVersions> processes() {
		return migrations.processes();
	}

	@GetMapping("/plan")
	ProcessMigrations.Plan plan(@RequestParam String source, @RequestParam String target) {
		return migrations.plan(source, target);
	}

	@GetMapping("/instances")
	List<ProcessMigrations.Instance> instances(@RequestParam String source) {
		return migrations.instances(source);
	}

	@PostMapping("/dry-run")
	ProcessMigrations.DryRun dryRun(@RequestBody MigrationRequest request, Principal admin) {
		return migrations.dryRun(required(request.source(), "source"), required(request.target(), "target"),
				instances(request), admin.getName());
	}

	@PostMapping("/runs")
	ResponseEntity<ProcessMigrations.Run> start(@RequestBody MigrationRequest request, Principal admin) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(migrations.start(required(request.source(), "source"), required(request.target(), "target"),
					instances(request), admin.getName()));
	}

	@GetMapping("/runs")
	List<ProcessMigrations.Run> runs() {
		return migrations.runs();
	}

	@GetMapping("/runs/{id}")
	ProcessMigrations.Run run(@PathVariable long id) {
		return migrations.run(id);
	}

	@ExceptionHandler(MigrationRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(MigrationRefusedException refused) {
		boolean missing = refused instanceof MigrationRefusedException.NotFound;
		return ResponseEntity.status(missing ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", missing ? "not-found" : "invalid", "message", refused.getMessage()));
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new MigrationRefusedException("'" + name + "' (a process version's id) is required");
		}
		refuseControlCharacters(value, name);
		return value.strip();
	}

	private static List<String> instances(MigrationRequest request) {
		if (request.processInstanceIds() != null) {
			request.processInstanceIds().forEach(id -> refuseControlCharacters(id, "processInstanceIds"));
		}
		return request.processInstanceIds();
	}

	/** The ids go into the engine's queries, and PostgreSQL cannot even compare a NUL. */
	private static void refuseControlCharacters(String value, String name) {
		if (ControlCharacters.in(value)) {
			throw new MigrationRefusedException("'" + name + "' must not contain control characters");
		}
	}

}
