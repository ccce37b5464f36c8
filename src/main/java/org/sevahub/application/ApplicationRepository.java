package org.sevahub.application;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Applications and their applicants, with JdbcClient (docs/architecture.md: no JPA). */
@Repository
public class ApplicationRepository {

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashSet<String>> SET = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	/** Every write below that changes the RTS figures goes through it, so the dashboard's roll-up follows. */
	private final DailyRollup rollup;

	ApplicationRepository(JdbcClient jdbc, ObjectMapper json, DailyRollup rollup) {
		this.jdbc = jdbc;
		this.json = json;
		this.rollup = rollup;
	}

	public Application insert(Application app, Applicant applicant) {
		long applicantId = insertApplicant(applicant);
		jdbc.sql("""
				INSERT INTO application (application_no, service_code, applicant_id, channel, status, form_data,
				    locked_fields, created_at, updated_at)
				VALUES (:no, :service, :applicant, :channel, :status, :data, :locked, :now, :now)""")
			.param("no", app.applicationNo())
			.param("service", app.serviceCode())
			.param("applicant", applicantId)
			.param("channel", app.channel())
			.param("status", app.status())
			.param("data", write(app.formData()))
			.param("locked", write(app.lockedFields()))
			.param("now", timestamp(app.createdAt()))
			.update();
		return findByNo(app.applicationNo()).orElseThrow();
	}

	public Optional<Application> findByNo(String applicationNo) {
		return jdbc.sql("SELECT * FROM application WHERE application_no = :no")
			.param("no", applicationNo)
			.query(this::mapApplication)
			.optional();
	}

	public Optional<Application> findById(long id) {
		return jdbc.sql("SELECT * FROM application WHERE id = :id").param("id", id).query(this::mapApplication).optional();
	}

	/** Reads the application and locks its row until the transaction ends: one writer per application. */
	public Optional<Application> lockByNo(String applicationNo) {
		return jdbc.sql("SELECT * FROM application WHERE application_no = :no FOR UPDATE")
			.param("no", applicationNo)
			.query(this::mapApplication)
			.optional();
	}

	// Two statements, not one with "hash = :hash OR (:hash IS NULL AND ...)": PostgreSQL cannot use an index for
	// either side of such an OR and scanned every application of the service (ApplicantLookupPlansTest).
	static final String SAME_AADHAAR = """
			SELECT a.* FROM application a JOIN applicant p ON p.id = a.applicant_id
			WHERE p.aadhaar_hash = :hash AND a.service_code = :service AND a.id <> :id
			ORDER BY a.id DESC LIMIT 10""";

	static final String SAME_NAME_AND_BIRTH = """
			SELECT a.* FROM application a JOIN applicant p ON p.id = a.applicant_id
			WHERE p.name_en = :name AND p.date_of_birth = :dob AND a.service_code = :service AND a.id <> :id
			ORDER BY a.id DESC LIMIT 10""";

	/**
	 * The same person's other applications for the same service: the same Aadhaar (by its keyed hash) or, where
	 * none was given, the same name and date of birth. What an officer reviewing a possible duplicate needs.
	 */
	public List<Application> sameApplicant(Application app, Applicant applicant) {
		if (applicant.aadhaarHash() != null) {
			return jdbc.sql(SAME_AADHAAR)
				.param("service", app.serviceCode())
				.param("id", app.id())
				.param("hash", applicant.aadhaarHash())
				.query(this::mapApplication)
				.list();
		}
		if (applicant.nameEn() == null || applicant.dateOfBirth() == null) {
			return List.of();
		}
		return jdbc.sql(SAME_NAME_AND_BIRTH)
			.param("service", app.serviceCode())
			.param("id", app.id())
			.param("name", applicant.nameEn())
			.param("dob", Date.valueOf(applicant.dateOfBirth()))
			.query(this::mapApplication)
			.list();
	}

	public Applicant applicantOf(Application app) {
		return jdbc.sql("SELECT * FROM applicant WHERE id = :id")
			.param("id", app.applicantId())
			.query(ApplicationRepository::mapApplicant)
			.single();
	}

	public void updateApplicant(Applicant a) {
		jdbc.sql("""
				UPDATE applicant SET name_en = :nameEn, name_local = :nameLocal, father_name = :father,
				    mother_name = :mother, gender = :gender, date_of_birth = :dob, mobile = :mobile, email = :email,
				    category = :category, marital_status = :marital, address = :address,
				    permanent_address = :permanent, district = :district, pincode = :pincode, state_code = :state,
				    family_id = :family, member_id = :member, aadhaar_cipher = :aCipher, aadhaar_masked = :aMasked,
				    aadhaar_hash = :aHash, aadhaar_ref = :aRef
				WHERE id = :id""").params(withId(applicantParams(a), a.id())).update();
	}

	public void updateForm(long id, Map<String, String> formData) {
		jdbc.sql("UPDATE application SET form_data = :data, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("data", write(formData))
			.param("now", timestamp(EngineClock.now()))
			.param("id", id)
			.update();
	}

	/** Returns the application as the change left it. */
	public Application updateStatus(long id, String status) {
		// The first decision is the disposal the Right to Services acts count (an appeal's later order is not).
		return rollup.update(id, """
				UPDATE application SET status = :status, updated_at = :now, version = version + 1,
				    disposed_at = CASE WHEN disposed_at IS NULL AND :status IN ('APPROVED', 'REJECTED') THEN :now
				                       ELSE disposed_at END
				WHERE id = :id""", Map.of("status", status, "now", timestamp(EngineClock.now()), "id", id),
				this::mapApplication)
			.orElseThrow(() -> new ApplicationNotFoundException("#" + id));
	}

	public void markSubmitted(long id, Instant at) {
		rollup.update(id, "UPDATE application SET submitted_at = :at WHERE id = :id AND submitted_at IS NULL",
				Map.of("at", timestamp(at), "id", id));
	}

	public void setSlaDue(long id, Instant due) {
		rollup.update(id, "UPDATE application SET sla_due_at = :due WHERE id = :id",
				Map.of("due", timestamp(due), "id", id));
	}

	public void setSanctionedAmount(long id, BigDecimal amount) {
		jdbc.sql("UPDATE application SET sanctioned_amount = :amount WHERE id = :id")
			.param("amount", amount)
			.param("id", id)
			.update();
	}

	public void setProcessInstance(long id, String processInstanceId) {
		jdbc.sql("UPDATE application SET process_instance_id = :pi WHERE id = :id")
			.param("pi", processInstanceId)
			.param("id", id)
			.update();
	}

	static final String BY_AADHAAR = """
			SELECT a.* FROM application a JOIN applicant p ON p.id = a.applicant_id
			WHERE p.aadhaar_hash = :hash ORDER BY a.id""";

	/** Applicants with this Aadhaar hash, for duplicate checks across applications. */
	public List<Application> findByAadhaarHash(String hash) {
		return jdbc.sql(BY_AADHAAR).param("hash", hash).query(this::mapApplication).list();
	}

	private long insertApplicant(Applicant a) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO applicant (name_en, name_local, father_name, mother_name, gender, date_of_birth, mobile,
				    email, category, marital_status, address, permanent_address, district, pincode, state_code,
				    family_id, member_id, aadhaar_cipher, aadhaar_masked, aadhaar_hash, aadhaar_ref)
				VALUES (:nameEn, :nameLocal, :father, :mother, :gender, :dob, :mobile, :email, :category, :marital,
				    :address, :permanent, :district, :pincode, :state, :family, :member, :aCipher, :aMasked, :aHash,
				    :aRef)""").paramSource(applicantParams(a)).update(keys, "id");
		return keys.getKey().longValue();
	}

	// JdbcClient refuses a parameter source mixed with single named parameters: the id joins the map.
	private static Map<String, Object> withId(Map<String, Object> params, Long id) {
		params.put("id", id);
		return params;
	}

	private static Map<String, Object> applicantParams(Applicant a) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("nameEn", a.nameEn());
		p.put("nameLocal", a.nameLocal());
		p.put("father", a.fatherName());
		p.put("mother", a.motherName());
		p.put("gender", a.gender());
		p.put("dob", a.dateOfBirth() == null ? null : Date.valueOf(a.dateOfBirth()));
		p.put("mobile", a.mobile());
		p.put("email", a.email());
		p.put("category", a.category());
		p.put("marital", a.maritalStatus());
		p.put("address", a.address());
		p.put("permanent", a.permanentAddress());
		p.put("district", a.district());
		p.put("pincode", a.pincode());
		p.put("state", a.stateCode());
		p.put("family", a.familyId());
		p.put("member", a.memberId());
		p.put("aCipher", a.aadhaarCipher());
		p.put("aMasked", a.aadhaarMasked());
		p.put("aHash", a.aadhaarHash());
		p.put("aRef", a.aadhaarRef());
		return p;
	}

	private Application mapApplication(ResultSet rs, int row) throws SQLException {
		return new Application(rs.getLong("id"), rs.getString("application_no"), rs.getString("service_code"),
				rs.getLong("applicant_id"), rs.getString("channel"), rs.getString("status"),
				read(rs.getString("form_data"), MAP), read(rs.getString("locked_fields"), SET),
				rs.getString("process_instance_id"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "submitted_at"), instant(rs, "sla_due_at"), rs.getBigDecimal("sanctioned_amount"),
				rs.getInt("version"));
	}

	static Applicant mapApplicant(ResultSet rs, int row) throws SQLException {
		Date dob = rs.getDate("date_of_birth");
		return new Applicant(rs.getLong("id"), rs.getString("name_en"), rs.getString("name_local"),
				rs.getString("father_name"), rs.getString("mother_name"), rs.getString("gender"),
				dob == null ? null : dob.toLocalDate(), rs.getString("mobile"), rs.getString("email"),
				rs.getString("category"), rs.getString("marital_status"), rs.getString("address"),
				rs.getString("permanent_address"), rs.getString("district"), rs.getString("pincode"),
				rs.getString("state_code"), rs.getString("family_id"), rs.getString("member_id"),
				rs.getString("aadhaar_cipher"), rs.getString("aadhaar_masked"), rs.getString("aadhaar_hash"),
				rs.getString("aadhaar_ref"));
	}

	/** Timestamps go to the database as UTC offsets, so H2 and PostgreSQL read back the same instant. */
	public static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T read(String value, TypeReference<T> type) {
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable stored JSON", ex);
		}
	}

}
