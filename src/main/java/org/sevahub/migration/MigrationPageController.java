package org.sevahub.migration;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page for migrating running applications (/admin/migration, camunda-admin only): pick a process and two of
 * its versions, read the engine's plan and what it cannot map, dry-run it, and migrate the selected (or all)
 * instances; runs show their progress and report.
 */
@Controller
class MigrationPageController {

	private final ProcessMigrations migrations;

	MigrationPageController(ProcessMigrations migrations) {
		this.migrations = migrations;
	}

	@GetMapping("/admin/migration")
	String page(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
			@RequestParam(required = false) Long run, Model model) {
		fill(model, source, target, run);
		return "admin/migration";
	}

	@PostMapping("/admin/migration/dry-run")
	String dryRun(@RequestParam String source, @RequestParam String target,
			@RequestParam(name = "instance", required = false) List<String> instances, Principal admin, Model model) {
		try {
			model.addAttribute("dryRun", migrations.dryRun(source, target, instances, admin.getName()));
		}
		catch (MigrationRefusedException refused) {
			model.addAttribute("refusal", refused.getMessage());
		}
		fill(model, source, target, null);
		return "admin/migration";
	}

	@PostMapping("/admin/migration/runs")
	String start(@RequestParam String source, @RequestParam String target,
			@RequestParam(name = "instance", required = false) List<String> instances, Principal admin, Model model) {
		try {
			ProcessMigrations.Run run = migrations.start(source, target, instances, admin.getName());
			return "redirect:/admin/migration?run=" + run.id();
		}
		catch (MigrationRefusedException refused) {
			model.addAttribute("refusal", refused.getMessage());
			fill(model, source, target, null);
			return "admin/migration";
		}
	}

	private void fill(Model model, String source, String target, Long run) {
		List<ProcessMigrations.ProcessVersions> processes = migrations.processes();
		model.addAttribute("processes", processes);
		Map<String, String> processNames = new HashMap<>();
		processes.forEach(p -> processNames.put(p.key(), p.name()));
		model.addAttribute("processNames", processNames);
		model.addAttribute("runs", migrations.runs());
		if (run != null) {
			try {
				model.addAttribute("run", migrations.run(run));
			}
			catch (MigrationRefusedException refused) {
				model.addAttribute("refusal", refused.getMessage());
			}
		}
		if (source != null && target != null && !source.isBlank() && !target.isBlank()) {
			try {
				model.addAttribute("plan", migrations.plan(source, target));
				model.addAttribute("instances", migrations.instances(source));
				model.addAttribute("activityNames", migrations.activityNames(source));
			}
			catch (MigrationRefusedException refused) {
				model.addAttribute("refusal", refused.getMessage());
			}
		}
	}

}
