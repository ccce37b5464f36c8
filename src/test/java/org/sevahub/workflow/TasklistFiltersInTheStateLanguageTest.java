package org.sevahub.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sevahub.language.Languages;
import org.sevahub.language.Words;
import org.sevahub.office.OfficeDirectory;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared filters as Tasklist lists them, in English and the installation's state language like the forms: the
 * test profile states none, so it is Hindi, the first of {@code sevahub.languages} that is not English. Contexts
 * with another state language share the database and rename the filters when they start, so each test first brings
 * them to this context's language, as a start would.
 */
@SevaHubTest
class TasklistFiltersInTheStateLanguageTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	/** The filter's property naming which of SevaHub's filters it is. */
	private static final String KEY = "sevahub";

	private static final List<String> HINDI_LABELS = List.of("Application / आवेदन", "Applicant / आवेदक",
			"Service / सेवा");

	@Autowired
	OfficerRoles roles;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	TaskService tasks;

	@Autowired
	OfficeDirectory offices;

	@Autowired
	Words words;

	@Autowired
	Languages languages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRestTemplate http;

	private String officersOwn;

	@BeforeEach
	void asAStartLeavesThem() {
		roles.ensure();
	}

	@AfterEach
	void removeTheOfficersOwnFilter() {
		if (officersOwn != null) {
			filters.deleteFilter(officersOwn);
		}
		roles.ensure();
	}

	@Test
	void tasklistListsTheFiltersAndTheCardsLabelsInEnglishAndTheStateLanguage() {
		assertThat(languages.stateLanguage()).isEqualTo("hi");
		List<Map<String, Object>> listed = http.withBasicAuth("assistant2", "assistant2")
			.exchange("/engine-rest/filter?resourceType=Task", HttpMethod.GET, null, LIST)
			.getBody();

		assertThat(listed).extracting(f -> f.get("name"))
			.contains("My group's tasks / मेरे समूह के कार्य", "Assigned to me / मुझे सौंपे गए कार्य",
					"Overdue / विलंबित कार्य", "Due this week / इस सप्ताह नियत",
					"Office WB-HWH: Howrah District Office / कार्यालय WB-HWH: हावड़ा जिला कार्यालय")
			.doesNotContain("My group's tasks", "Overdue", "Office WB-HWH: Howrah District Office")
			.noneMatch(name -> name.toString().contains("WB-KOL"));
		for (Map<String, Object> filter : listed) {
			assertThat(labels(filter)).as("%s", filter.get("name")).isEqualTo(HINDI_LABELS);
		}
	}

	@Test
	void theNamesFollowTheStateLanguageAndEnglishAloneIsEnglishOnly() {
		String id = sevahubFilter("group-tasks").getId();
		inStateLanguage("en").ensure();
		assertThat(sevahubFilter("group-tasks").getName()).isEqualTo("My group's tasks");
		assertThat(sevahubFilter("office:WB-KOL").getName()).isEqualTo("Office WB-KOL: Kolkata District Office");
		assertThat(labels(sevahubFilter("overdue").getProperties()))
			.containsExactly("Application", "Applicant", "Service");

		inStateLanguage("bn").ensure();
		assertThat(sevahubFilter("group-tasks").getName()).isEqualTo("My group's tasks / আমার গোষ্ঠীর কাজ");
		assertThat(sevahubFilter("office:WB-KOL").getName())
			.isEqualTo("Office WB-KOL: Kolkata District Office / দপ্তর WB-KOL: কলকাতা জেলা দপ্তর");
		assertThat(labels(sevahubFilter("overdue").getProperties()))
			.containsExactly("Application / আবেদন", "Applicant / আবেদনকারী", "Service / পরিষেবা");
		assertThat(sevahubFilter("group-tasks").getId()).isEqualTo(id);
	}

	@Test
	void englishNamedFiltersFromBeforeAreRenamedInPlaceAndAFurtherStartChangesNothing() {
		Map<String, String> idsByName = new LinkedHashMap<>();
		// As SevaHub left them before their names were bilingual: English names and labels, no key.
		for (Map.Entry<String, String> named : ENGLISH.entrySet()) {
			String key = named.getKey();
			String english = named.getValue();
			Filter filter = filters.createFilterQuery()
				.list()
				.stream()
				.filter(f -> f.getOwner() == null && (key.equals(property(f)) || english.equals(f.getName())))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no filter " + key));
			Map<String, Object> before = new LinkedHashMap<>(filter.getProperties());
			before.remove(KEY);
			before.put("variables", List.of(Map.of("name", "applicationNo", "label", "Application"),
					Map.of("name", "applicantName", "label", "Applicant"),
					Map.of("name", "serviceName", "label", "Service")));
			filter.setName(english);
			filter.setProperties(before);
			filters.saveFilter(filter);
			idsByName.put(key, filter.getId());
		}
		assertThat(filters.createFilterQuery().filterName("My group's tasks").count()).isEqualTo(1);
		// An officer's own filter of the same name is theirs: SevaHub neither renames nor takes it.
		officersOwn = filters.saveFilter(filters.newTaskFilter("Overdue")
			.setOwner("assistant")
			.setQuery(tasks.createTaskQuery().taskAssignee("assistant"))
			.setProperties(Map.of("priority", 3))).getId();
		long count = filters.createFilterQuery().count();

		roles.ensure();

		assertThat(filters.createFilterQuery().count()).isEqualTo(count);
		assertThat(filters.getFilter(idsByName.get("group-tasks")).getName())
			.isEqualTo("My group's tasks / मेरे समूह के कार्य");
		assertThat(filters.getFilter(idsByName.get("office:WB-KOL")).getName())
			.isEqualTo("Office WB-KOL: Kolkata District Office / कार्यालय WB-KOL: कोलकाता जिला कार्यालय");
		assertThat(labels(filters.getFilter(idsByName.get("due-this-week")).getProperties())).isEqualTo(HINDI_LABELS);
		assertThat(filters.createFilterQuery().filterName("My group's tasks").count()).isZero();
		for (Map.Entry<String, String> filter : idsByName.entrySet()) {
			assertThat(property(filters.getFilter(filter.getValue()))).as(filter.getKey()).isEqualTo(filter.getKey());
			assertThat(sevahubFilter(filter.getKey()).getId()).as(filter.getKey()).isEqualTo(filter.getValue());
		}
		Filter own = filters.getFilter(officersOwn);
		assertThat(own.getName()).isEqualTo("Overdue");
		assertThat(own.getOwner()).isEqualTo("assistant");
		assertThat(own.getProperties()).containsOnlyKeys("priority");
		// The office's groups still read their office's filter: the grant is on the id.
		assertThat(authorizations.createAuthorizationQuery()
			.groupIdIn("dealingAssistant:WB-HWH")
			.resourceId(idsByName.get("office:WB-HWH"))
			.count()).isEqualTo(1);

		List<String> once = rows();
		roles.ensure();
		assertThat(rows()).isEqualTo(once);
	}

	@Test
	void aNameAndALabelAnAdministratorGaveStayAcrossStartsAndLanguages() {
		Filter overdue = sevahubFilter("overdue");
		Filter office = sevahubFilter("office:WB-HWH");
		Map<String, Object> overdueWas = new LinkedHashMap<>(overdue.getProperties());
		Map<String, Object> officeWas = new LinkedHashMap<>(office.getProperties());
		try {
			// As an administrator leaves them in Tasklist: a name of the department's own, and one card label.
			overdue.setName("Late: act today");
			filters.saveFilter(overdue);
			Map<String, Object> relabelled = new LinkedHashMap<>(officeWas);
			relabelled.put("variables", List.of(Map.of("name", "applicationNo", "label", "Appl. no."),
					Map.of("name", "applicantName", "label", "Applicant / आवेदक"),
					Map.of("name", "serviceName", "label", "Service / सेवा")));
			office.setProperties(relabelled);
			filters.saveFilter(office);

			roles.ensure();
			inStateLanguage("bn").ensure();

			assertThat(filters.getFilter(overdue.getId()).getName()).isEqualTo("Late: act today");
			assertThat(labels(filters.getFilter(office.getId()).getProperties()))
				.containsExactly("Appl. no.", "Applicant / আবেদনকারী", "Service / পরিষেবা");
			// The filters SevaHub still names follow the language, as before.
			assertThat(sevahubFilter("group-tasks").getName()).isEqualTo("My group's tasks / আমার গোষ্ঠীর কাজ");
			assertThat(labels(sevahubFilter("overdue").getProperties()))
				.containsExactly("Application / আবেদন", "Applicant / আবেদনকারী", "Service / পরিষেবা");
		}
		finally {
			// Back to SevaHub's own, which a start then names in this context's language (other tests share them).
			Filter restored = filters.getFilter(overdue.getId());
			restored.setName("Overdue");
			restored.setProperties(overdueWas);
			filters.saveFilter(restored);
			Filter officeRestored = filters.getFilter(office.getId());
			officeRestored.setProperties(officeWas);
			filters.saveFilter(officeRestored);
		}
	}

	/** What a start could write to: the filters and the grants, with their revisions. */
	private List<String> rows() {
		List<String> rows = new ArrayList<>(jdbc
			.sql("SELECT id_ || '|' || rev_ || '|' || name_ || '|' || coalesce(owner_, '') || '|' || query_ || '|'"
					+ " || coalesce(properties_, '') FROM act_ru_filter ORDER BY id_")
			.query(String.class)
			.list());
		rows.addAll(jdbc.sql("SELECT id_ || '|' || rev_ || '|' || perms_ FROM act_ru_authorization ORDER BY id_")
			.query(String.class)
			.list());
		return rows;
	}

	/** SevaHub's filters by their key, and the English names they had before. */
	private static final Map<String, String> ENGLISH = new LinkedHashMap<>();

	static {
		ENGLISH.put("group-tasks", "My group's tasks");
		ENGLISH.put("assigned-to-me", "Assigned to me");
		ENGLISH.put("overdue", "Overdue");
		ENGLISH.put("due-this-week", "Due this week");
		ENGLISH.put("office:WB-KOL", "Office WB-KOL: Kolkata District Office");
		ENGLISH.put("office:WB-HWH", "Office WB-HWH: Howrah District Office");
	}

	private static Object property(Filter filter) {
		return filter.getProperties() == null ? null : filter.getProperties().get(KEY);
	}

	private OfficerRoles inStateLanguage(String language) {
		return new OfficerRoles(identity, authorizations, filters, tasks, offices, words,
				new Languages("en,hi,bn,mr", language));
	}

	private List<Filter> sevahubFilters() {
		return filters.createFilterQuery()
			.list()
			.stream()
			.filter(f -> property(f) != null)
			.toList();
	}

	private Filter sevahubFilter(String key) {
		List<Filter> found = sevahubFilters().stream()
			.filter(f -> key.equals(property(f)))
			.toList();
		assertThat(found).as("filter %s", key).hasSize(1);
		return found.get(0);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> labels(Map<String, Object> filterOrProperties) {
		Object properties = filterOrProperties.containsKey("properties") ? filterOrProperties.get("properties")
				: filterOrProperties;
		return ((List<Map<String, Object>>) ((Map<String, Object>) properties).get("variables")).stream()
			.map(v -> v.get("label"))
			.toList();
	}

}
