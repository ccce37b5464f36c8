package org.sevahub.portal.bsk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sevahub.application.Applicant;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.EngineClock;
import org.sevahub.application.NewApplication;
import org.sevahub.application.PortalLink;
import org.sevahub.application.PortalLinks;
import org.sevahub.application.catalog.ServiceCatalog;
import org.sevahub.application.catalog.ServiceDefinition;
import org.sevahub.application.form.ApplicantFields;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API-1: BSK opened a service for a citizen. The (userid, ticketNo) pair is the ticket's identity: the
 * application, its BSK link and the one-time hand-over link are written in one transaction (the link's
 * unique reference settles two copies racing), and the same pair
 * again with the same fields answers with the same application (BSK resending after a timeout); with other
 * fields it is refused, since a ticket names one citizen's one service.
 */
@Service
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskInitiation {

	record Initiated(Application application, long appSubTime, String handover) {
	}

	private final ApplicationService applications;

	private final PortalLinks links;

	private final ServiceCatalog catalog;

	private final BskHandovers handovers;

	private final BskDeoCheck deos;

	private final BskProperties properties;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final TransactionTemplate transactions;

	BskInitiation(ApplicationService applications, PortalLinks links, ServiceCatalog catalog, BskHandovers handovers,
			BskDeoCheck deos, BskProperties properties, ObjectMapper json, PlatformTransactionManager transactions,
			@Value("${sevahub.time-zone}") ZoneId zone) {
		this.transactions = new TransactionTemplate(transactions);
		this.applications = applications;
		this.links = links;
		this.catalog = catalog;
		this.handovers = handovers;
		this.deos = deos;
		this.properties = properties;
		this.json = json;
		this.zone = zone;
	}

	static String reference(long userid, long ticketNo) {
		return userid + "/" + ticketNo;
	}

	/** The service BSK means by its code, written {@code AMD001} in section 12.4 and {@code AMD/003} in examples. */
	static Optional<ServiceDefinition> service(ServiceCatalog catalog, String bskCode) {
		String normalised = bskCode.replace("/", "").replace("-", "").strip();
		return catalog.findByPortalCode(BskClient.PORTAL, normalised);
	}

	/**
	 * Accepts an API-1. The DEO check (an HTTP call to BSK on a cache miss) runs before the transaction opens,
	 * so no database connection waits on BSK.
	 */
	public Initiated initiate(BskFields fields) {
		Request request = request(fields);
		Optional<PortalLink> earlier = links.find(BskClient.PORTAL, reference(request.userid(), request.ticketNo()));
		if (earlier.isPresent()) {
			return resent(request, earlier.get());
		}
		deos.requireActive(request.userid());
		return transactions.execute(status -> create(request));
	}

	/** What API-1 asked for, every field checked; nothing is read from or written to the database. */
	private record Request(long userid, long ticketNo, String bskCode, ServiceDefinition service, String digest,
			Citizen citizen) {
	}

	private Request request(BskFields fields) {
		long userid = fields.userid();
		long ticketNo = fields.number("ticketNo");
		BskTicket.checkPlausible(ticketNo, EngineClock.now(), properties.ticketMaxAge(), properties.ticketMaxSkew(), zone);
		String bskCode = fields.text("serviceCode");
		ServiceDefinition service = service(catalog, bskCode).orElseThrow(
				() -> new BskRefusal("serviceCode " + bskCode + " is not a service of this department"));
		Citizen citizen = citizen(fields);
		return new Request(userid, ticketNo, bskCode, service, digest(userid, ticketNo, service, citizen), citizen);
	}

	private Initiated resent(Request request, PortalLink earlier) {
		if (!request.digest().equals(earlier.attributes().get("digest"))) {
			throw duplicate(request);
		}
		Application app = applications.byId(earlier.applicationId());
		return new Initiated(app, Long.parseLong(earlier.attributes().get("appSubTime")), handovers.issue(app.id()));
	}

	private static BskRefusal duplicate(Request request) {
		return new BskRefusal("Duplicate ticket: userid " + request.userid() + " with ticketNo " + request.ticketNo()
				+ " was already used for another request");
	}

	private Initiated create(Request request) {
		long appSubTime = BskTicket.stamp(EngineClock.now(), zone);
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("userid", String.valueOf(request.userid()));
		attributes.put("ticketNo", String.valueOf(request.ticketNo()));
		attributes.put("serviceCode", request.bskCode());
		attributes.put("appSubTime", String.valueOf(appSubTime));
		attributes.put("digest", request.digest());
		request.citizen().age().ifPresent(age -> attributes.put("age", String.valueOf(age)));
		Application app = applications.create(NewApplication.fromPortal(request.service().code(),
				new NewApplication.PortalOrigin(BskClient.PORTAL, reference(request.userid(), request.ticketNo()),
						attributes),
				request.citizen().applicant(), Map.of(), request.citizen().locked()));
		// ApplicationService.create answers a reference it has seen with that application: if a copy committed
		// between the look-up and the insert, the link found now is the other request's, and its digest decides.
		PortalLink link = links.find(BskClient.PORTAL, reference(request.userid(), request.ticketNo())).orElseThrow();
		if (!request.digest().equals(link.attributes().get("digest"))) {
			throw duplicate(request);
		}
		return new Initiated(app, Long.parseLong(link.attributes().get("appSubTime")), handovers.issue(app.id()));
	}

	private record Citizen(Applicant applicant, Set<String> locked, Optional<Long> age) {
	}

	/** The citizen's basic data as BSK keyed it; each field BSK gave is locked on the form. */
	private static Citizen citizen(BskFields fields) {
		String name = fields.text("name");
		if (name.length() > 100) {
			throw new BskRefusal("name is longer than 100 characters");
		}
		// BSK keys names in English or in Bengali; a name in another script goes where the form keeps it.
		boolean latin = name.matches("[\\p{IsLatin}\\s.'-]+");
		String mobile = fields.text("mobile").replaceAll("^(\\+91|0)", "");
		if (!mobile.matches("[6-9]\\d{9}")) {
			throw new BskRefusal("mobile must be the citizen's 10-digit mobile number, not \"" + fields.text("mobile") + "\"");
		}
		String email = fields.optionalText("email").orElse(null);
		// The form's own check passes fields a portal vouched for, so BSK's are checked here.
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new BskRefusal("email \"" + email + "\" is not an e-mail address");
		}
		String gender = fields.optionalText("gender").map(BskInitiation::gender).orElse(null);
		Optional<Long> age = fields.optionalNumber("age");
		if (age.isPresent() && age.get() > 130) {
			throw new BskRefusal("age " + age.get() + " is not plausible");
		}
		Applicant applicant = new Applicant(null, latin ? name : null, latin ? null : name, null, null, gender, null,
				mobile, email, null, null, null, null, null, null, null, null, null, null, null, null, null);
		Set<String> locked = new LinkedHashSet<>();
		ApplicantFields.values(applicant).forEach((key, value) -> {
			if (value != null) {
				locked.add(key);
			}
		});
		return new Citizen(applicant, locked, age);
	}

	private static String gender(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "male", "m" -> "M";
			case "female", "f" -> "F";
			case "transgender", "t", "other", "others" -> "T";
			default -> throw new BskRefusal("gender must be male, female or transgender, not \"" + value + "\"");
		};
	}

	/**
	 * The ticket's request as it was understood, not as it was spelt: the same ticket resent with {@code tokenNo}
	 * for {@code ticketNo}, numbers as strings, {@code AMD/002} for {@code AMD002} or {@code +91} before the mobile
	 * is the same request.
	 */
	private String digest(long userid, long ticketNo, ServiceDefinition service, Citizen citizen) {
		Map<String, Object> canonical = new java.util.TreeMap<>();
		canonical.put("userid", userid);
		canonical.put("ticketNo", ticketNo);
		canonical.put("service", service.code());
		ApplicantFields.values(citizen.applicant()).forEach((key, value) -> {
			if (value != null) {
				canonical.put(key, value);
			}
		});
		citizen.age().ifPresent(value -> canonical.put("age", value));
		try {
			byte[] bytes = json.writeValueAsBytes(canonical);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
