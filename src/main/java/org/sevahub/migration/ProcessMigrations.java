package org.sevahub.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running applications to another version of their process with the engine's own migration API: the plan the
 * engine proposes from equal activity ids, what it cannot map, a dry run that validates each instance inside a
 * transaction rolled back afterwards, and the migration itself as an engine batch (run by the job executor on any
 * node), with its progress and a report read back from the engine. Timers move with their activities and keep their
 * due dates; SevaHub's own records of an application (status history, portal links, deliveries) are keyed by the
 * application and its unchanged process instance id, so they stay as they were.
 */
@Service
public class ProcessMigrations {

	/** A dry run over "all" instances checks at most this many; a batch migrates them all. */
	static final int DRY_RUN_LIMIT = 200;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final HistoryService history;

	private final IdentityService identity;

	private final MigrationRuns runs;

	private final TransactionTemplate transactions;

	ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
			HistoryService history, IdentityService identity, MigrationRuns runs, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.history = history;
		this.identity = identity;
		this.runs = runs;
		this.transactions = new TransactionTemplate(transactions);
	}

	public record Version(String id, String key, String name, int version, Instant deployedAt, long running) {
	}

	public record ProcessVersions(String key, String name, List<Version> versions) {

		@JsonProperty
		public long running() {
			return versions.stream().mapToLong(Version::running).sum();
		}

	}

	public record Mapping(String sourceActivityId, String sourceName, String targetActivityId, String targetName,
			long waiting) {
	}

	public record Unmapped(String activityId, String name, long waiting) {
	}

	/** The engine's plan from equal activity ids; {@code problems} are its validation failures (then it cannot run). */
	public record Plan(Version source, Version target, List<Mapping> mapped, List<Unmapped> unmappable,
			List<String> problems) {

		@JsonProperty
		public boolean valid() {
			return problems.isEmpty();
		}

		@JsonProperty
		public long stranded() {
			return unmappable.stream().mapToLong(Unmapped::waiting).sum();
		}

	}

	public record Instance(String processInstanceId, String applicationNo, List<String> waitingAt) {
	}

	public record InstanceCheck(String processInstanceId, String applicationNo, boolean migratable,
			List<String> problems) {
	}

	public record DryRun(Version source, Version target, List<InstanceCheck> instances, int notChecked) {

		@JsonProperty
		public long migratable() {
			return instances.stream().filter(InstanceCheck::migratable).count();
		}

	}

	public record Outcome(String processInstanceId, String applicationNo, String state, String detail) {
	}

	/**
	 * @param state RUNNING while the engine's batch works, FINISHED once it is gone
	 */
	public record Run(long id, String processKey, int sourceVersion, int targetVersion, String batchId,
			String requestedBy, Instant startedAt, Instant finishedAt, String state, int total, int migrated,
			int failedJobs, List<String> jobErrors, List<Outcome> report) {

		@JsonProperty
		public int percent() {
			return total == 0 ? 100 : Math.round(100f * migrated / total);
		}

	}

	/** Every process with its deployed versions and how many instances run on each, newest version first. */
	public List<ProcessVersions> processes() {
		Map<String, List<Version>> byKey = new LinkedHashMap<>();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.desc()
			.list()) {
			byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(version(definition));
		}
		return byKey.entrySet()
			.stream()
			.map(e -> new ProcessVersions(e.getKey(), e.getValue().get(0).name(), e.getValue()))
			.toList();
	}

	public Version version(String definitionId) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionId(definitionId)
			.singleResult();
		if (definition == null) {
			throw new MigrationRefusedException.NotFound("No process version " + definitionId);
		}
		return version(definition);
	}

	public Plan plan(String sourceId, String targetId) {
		Version source = version(sourceId);
		Version target = version(targetId);
		if (!source.key().equals(target.key())) {
			throw new MigrationRefusedException("Version " + sourceId + " is of " + source.key() + ", " + targetId + " of "
					+ target.key() + ": an application moves only to another version of its own process");
		}
		if (source.id().equals(target.id())) {
			throw new MigrationRefusedException("Source and target are the same version");
		}
		Map<String, Long> waiting = waiting(sourceId);
		Map<String, String> names = activityNames(sourceId);
		Map<String, String> targetNames = activityNames(targetId);
		List<MigrationInstruction> instructions;
		List<String> problems = new ArrayList<>();
		try {
			instructions = engineMapping(sourceId, targetId).build().getInstructions();
		}
		catch (MigrationPlanValidationException ex) {
			instructions = ex.getValidationReport().getMigrationPlan().getInstructions();
			ex.getValidationReport()
				.getInstructionReports()
				.forEach(report -> report.getFailures()
					.forEach(failure -> problems.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
		}
		Set<String> mappedSources = new LinkedHashSet<>();
		List<Mapping> mapped = new ArrayList<>();
		for (MigrationInstruction instruction : instructions) {
			mappedSources.add(instruction.getSourceActivityId());
			mapped.add(new Mapping(instruction.getSourceActivityId(), names.get(instruction.getSourceActivityId()),
					instruction.getTargetActivityId(), targetNames.get(instruction.getTargetActivityId()),
					waiting.getOrDefault(instruction.getSourceActivityId(), 0L)));
		}
		List<Unmapped> unmappable = new ArrayList<>();
		for (FlowNode node : statefulNodes(sourceId)) {
			if (!mappedSources.contains(node.getId())) {
				unmappable.add(new Unmapped(node.getId(), node.getName(), waiting.getOrDefault(node.getId(), 0L)));
			}
		}
		mapped.sort(Comparator.comparingLong(Mapping::waiting).reversed().thenComparing(Mapping::sourceActivityId));
		unmappable.sort(Comparator.comparingLong(Unmapped::waiting).reversed().thenComparing(Unmapped::activityId));
		return new Plan(source, target, mapped, unmappable, problems);
	}

	/** The instances running on a version, with where each waits. */
	public List<Instance> instances(String sourceId) {
		version(sourceId);
		return runtime.createProcessInstanceQuery()
			.processDefinitionId(sourceId)
			.orderByBusinessKey()
			.asc()
			.list()
			.stream()
			.map(instance -> new Instance(instance.getId(), instance.getBusinessKey(),
					runtime.getActiveActivityIds(instance.getId())))
			.toList();
	}

	/**
	 * Validates the migration of each instance exactly as the engine would migrate it, then rolls it back: nothing
	 * changes.
	 */
	public DryRun dryRun(String sourceId, String targetId, Collection<String> instanceIds, String admin) {
		Plan plan = plan(sourceId, targetId);
		List<String> ids = selected(sourceId, instanceIds);
		List<String> checked = ids.size() > DRY_RUN_LIMIT ? ids.subList(0, DRY_RUN_LIMIT) : ids;
		Map<String, String> numbers = businessKeys(checked);
		List<InstanceCheck> results = new ArrayList<>();
		for (String id : checked) {
			List<String> problems = new ArrayList<>(plan.problems());
			if (problems.isEmpty()) {
				problems.addAll(asAdmin(admin, () -> transactions.execute(status -> {
					status.setRollbackOnly();
					try {
						runtime.newMigration(engineMapping(sourceId, targetId).build()).processInstanceIds(id).execute();
						return List.<String>of();
					}
					catch (MigratingProcessInstanceValidationException ex) {
						return failures(ex.getValidationReport());
					}
				})));
			}
			results.add(new InstanceCheck(id, numbers.get(id), problems.isEmpty(), problems));
		}
		return new DryRun(plan.source(), plan.target(), results, ids.size() - checked.size());
	}

	/** Starts the migration as an engine batch; its progress and report are {@link #run(long)}'s. */
	public Run start(String sourceId, String targetId, Collection<String> instanceIds, String admin) {
		Plan plan = plan(sourceId, targetId);
		if (!plan.valid()) {
			throw new MigrationRefusedException("The engine cannot map version " + plan.source().version() + " to "
					+ plan.target().version() + ": " + String.join("; ", plan.problems()));
		}
		List<String> ids = selected(sourceId, instanceIds);
		if (ids.isEmpty()) {
			throw new MigrationRefusedException("No running instance of version " + plan.source().version() + " to migrate");
		}
		Batch batch = asAdmin(admin, () -> runtime.newMigration(engineMapping(sourceId, targetId).build())
			.processInstanceIds(ids)
			.executeAsync());
		long id = runs.insert(plan.source().key(), sourceId, plan.source().version(), targetId, plan.target().version(),
				batch.getId(), ids, admin);
		return run(id);
	}

	public List<Run> runs() {
		return runs.latest(20).stream().map(this::view).toList();
	}

	public Run run(long id) {
		return view(runs.find(id).orElseThrow(() -> new MigrationRefusedException.NotFound("No migration run " + id)));
	}

	private Run view(MigrationRuns.Row row) {
		BatchStatistics batch = management.createBatchStatisticsQuery().batchId(row.batchId()).singleResult();
		Map<String, String> onDefinition = new HashMap<>();
		Map<String, String> numbers = new HashMap<>();
		Map<String, Boolean> ended = new HashMap<>();
		for (List<String> page : pages(row.instanceIds())) {
			for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
				.processInstanceIds(new LinkedHashSet<>(page))
				.list()) {
				onDefinition.put(instance.getId(), instance.getProcessDefinitionId());
				numbers.put(instance.getId(), instance.getBusinessKey());
				ended.put(instance.getId(), instance.getEndTime() != null);
			}
		}
		List<Outcome> report = new ArrayList<>();
		int migrated = 0;
		for (String id : row.instanceIds()) {
			boolean moved = row.targetDefinitionId().equals(onDefinition.get(id));
			migrated += moved ? 1 : 0;
			String state = moved ? "MIGRATED" : batch != null ? "PENDING" : "NOT_MIGRATED";
			String detail = moved ? "on version " + row.targetVersion()
					: Boolean.TRUE.equals(ended.get(id)) ? "ended before it could be migrated"
							: "still on version " + row.sourceVersion();
			report.add(new Outcome(id, numbers.get(id), state, detail));
		}
		List<String> jobErrors = new ArrayList<>();
		if (batch != null) {
			for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException().list()) {
				jobErrors.add(job.getExceptionMessage());
			}
		}
		else if (row.finishedAt() == null) {
			runs.finished(row.id());
		}
		Instant finishedAt = batch == null ? runs.find(row.id()).map(MigrationRuns.Row::finishedAt).orElse(null) : null;
		return new Run(row.id(), row.processKey(), row.sourceVersion(), row.targetVersion(), row.batchId(),
				row.requestedBy(), row.startedAt(), finishedAt, batch == null ? "FINISHED" : "RUNNING",
				row.instanceIds().size(), migrated, batch == null ? 0 : batch.getFailedJobs(), jobErrors, report);
	}

	/** Camunda's plan from activities with equal ids; timers keep their due dates. */
	private org.camunda.bpm.engine.migration.MigrationPlanBuilder engineMapping(String sourceId, String targetId) {
		return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities();
	}

	private List<String> selected(String sourceId, Collection<String> instanceIds) {
		if (instanceIds == null || instanceIds.isEmpty()) {
			return runtime.createProcessInstanceQuery()
				.processDefinitionId(sourceId)
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.toList();
		}
		List<String> ids = List.copyOf(new LinkedHashSet<>(instanceIds));
		Set<String> onSource = new java.util.HashSet<>();
		for (List<String> page : pages(ids)) {
			runtime.createProcessInstanceQuery()
				.processDefinitionId(sourceId)
				.processInstanceIds(new LinkedHashSet<>(page))
				.list()
				.forEach(instance -> onSource.add(instance.getId()));
		}
		List<String> strangers = ids.stream().filter(id -> !onSource.contains(id)).toList();
		if (!strangers.isEmpty()) {
			throw new MigrationRefusedException("Not running on this version: " + String.join(", ", strangers));
		}
		return ids;
	}

	private Map<String, Long> waiting(String definitionId) {
		return management.createActivityStatisticsQuery(definitionId)
			.list()
			.stream()
			.collect(Collectors.toMap(ActivityStatistics::getId, s -> (long) s.getInstances(), Long::sum));
	}

	/**
	 * Each activity, event and gateway of a version by the name the Modeler gave it (none for an unnamed one): what
	 * the page names an activity id by, as {@code Words.stage} reads it.
	 */
	public Map<String, String> activityNames(String definitionId) {
		Map<String, String> names = new HashMap<>();
		for (FlowNode node : model(definitionId).getModelElementsByType(FlowNode.class)) {
			names.put(node.getId(), node.getName());
		}
		return names;
	}

	/**
	 * Where an instance can rest (a task, call, sub-process, catching event, event-based gateway): not a gateway that
	 * only routes, a throw or end event passed in one step, nor a compensation handler.
	 */
	private List<FlowNode> statefulNodes(String definitionId) {
		return model(definitionId).getModelElementsByType(FlowNode.class)
			.stream()
			.filter(node -> (node instanceof Activity activity && !activity.isForCompensation())
					|| node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
					|| node instanceof EventBasedGateway)
			.toList();
	}

	private BpmnModelInstance model(String definitionId) {
		return repository.getBpmnModelInstance(definitionId);
	}

	private Map<String, String> businessKeys(List<String> ids) {
		Map<String, String> keys = new HashMap<>();
		for (List<String> page : pages(ids)) {
			runtime.createProcessInstanceQuery()
				.processInstanceIds(new LinkedHashSet<>(page))
				.list()
				.forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
		}
		return keys;
	}

	private static List<String> failures(MigratingProcessInstanceValidationReport report) {
		List<String> failures = new ArrayList<>(report.getFailures());
		report.getActivityInstanceReports()
			.forEach(activity -> activity.getFailures().forEach(f -> failures.add(activity.getSourceScopeId() + ": " + f)));
		report.getTransitionInstanceReports()
			.forEach(transition -> transition.getFailures()
				.forEach(f -> failures.add(transition.getSourceScopeId() + ": " + f)));
		return failures;
	}

	/** The engine records the admin in its operation log and checks their authorizations (camunda-admin holds ALL). */
	private <T> T asAdmin(String admin, Supplier<T> work) {
		List<String> groups = identity.createGroupQuery().groupMember(admin).list().stream().map(Group::getId).toList();
		identity.setAuthentication(admin, groups);
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static List<List<String>> pages(List<String> ids) {
		List<List<String>> pages = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			pages.add(ids.subList(from, Math.min(ids.size(), from + 500)));
		}
		return pages;
	}

	/**
	 * A version by the name the Modeler gave its process, as its activities are named ({@link #activityNames}): the
	 * engine's own name for it also carries the state language's, for Tasklist (desk.ProcessNames).
	 */
	private Version version(ProcessDefinition definition) {
		var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
		org.camunda.bpm.model.bpmn.instance.Process process = model(definition.getId())
			.getModelElementById(definition.getKey());
		return new Version(definition.getId(), definition.getKey(),
				process == null ? definition.getName() : process.getName(), definition.getVersion(),
				deployment == null || deployment.getDeploymentTime() == null ? null
						: deployment.getDeploymentTime().toInstant(),
				runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
	}

}
