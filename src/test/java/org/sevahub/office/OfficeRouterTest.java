package org.sevahub.office;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sevahub.application.catalog.ServiceCatalog;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing and the posts' offices over the repository's own offices.yml and catalog.yml. */
class OfficeRouterTest {

	final OfficeDirectory offices = new OfficeDirectory(new ClassPathResource("offices.yml"));

	final OfficeRouter router = new OfficeRouter(offices);

	final ServiceCatalog catalog = new ServiceCatalog(new ClassPathResource("catalog.yml"));

	final OfficePosts posts = new OfficePosts(offices, null);

	String routed(String portal, Map<String, String> attributes, String pin, String district) {
		return router.route(portal, attributes, pin, district).office().code();
	}

	@Test
	void aPinCodeGoesToTheDeepestOfficeServingIt() {
		assertThat(routed(null, Map.of(), "700029", null)).isEqualTo("WB-KOL");
		assertThat(routed(null, Map.of(), "711101", "Kolkata")).as("the PIN code before the district's name")
			.isEqualTo("WB-HWH");
		assertThat(routed(null, Map.of(), "711316", null)).isEqualTo("WB-HWH-ULB");
		assertThat(routed(null, Map.of(), "226022", null)).isEqualTo("UP-LKO-SDR");
		assertThat(routed(null, Map.of(), "226501", null)).isEqualTo("UP-LKO");
	}

	@Test
	void withoutAKnownPinCodeTheDistrictsNameAndThenTheFallback() {
		assertThat(routed(null, Map.of(), "110001", "howrah")).isEqualTo("WB-HWH");
		assertThat(routed(null, Map.of(), "not a pin", "Atlantis")).isEqualTo("WB");
		assertThat(routed(null, null, null, null)).isEqualTo("WB");
	}

	@Test
	void aPortalsCodeForThePlaceComesFirstAndThePinCodeMayNarrowIt() {
		assertThat(routed("isp", Map.of("residential_district", "146"), "226022", "Lucknow"))
			.as("ISP's district, though the PIN code is Lucknow's").isEqualTo("UP-KNP");
		assertThat(routed("isp", Map.of("residential_district", "164"), "226022", null)).isEqualTo("UP-LKO-SDR");
		assertThat(routed("aaplesarkar", Map.of("DistrictID", "518", "TalukaID", "4203"), null, null))
			.isEqualTo("MH-PUN-HVL");
		assertThat(routed("aaplesarkar", Map.of("DistrictID", "530", "TalukaID", "9999"), null, null)).isEqualTo("MH-MUM");
		assertThat(routed("bsk", Map.of("userid", "2001"), "700029", null)).as("the operator's centre is in Howrah")
			.isEqualTo("WB-HWH");
		assertThat(routed("bsk", Map.of("userid", "424242"), "700029", null)).isEqualTo("WB-KOL");
	}

	@Test
	void eachPostSitsAtItsLevelAndAppealsGoAbove() {
		Office howrah = offices.get("WB-HWH-ULB");
		var birth = catalog.get("BIRTH-CERT");
		assertThat(posts.group(birth, "dealingAssistant", howrah)).isEqualTo("dealingAssistant:WB-HWH");
		assertThat(posts.group(birth, "designatedOfficer", howrah)).isEqualTo("designatedOfficer:WB-HWH");
		assertThat(posts.group(birth, "firstAppellate", howrah)).isEqualTo("firstAppellate:WB");
		assertThat(posts.group(birth, "secondAppellate", howrah)).isEqualTo("secondAppellate:WB");

		var income = catalog.get("INCOME-CERT");
		Office sadar = offices.get("UP-LKO-SDR");
		assertThat(posts.group(income, "designatedOfficer", sadar)).isEqualTo("designatedOfficer:UP-LKO-SDR");
		assertThat(posts.group(income, "firstAppellate", sadar)).isEqualTo("firstAppellate:UP-LKO");
		assertThat(posts.group(income, "secondAppellate", sadar)).isEqualTo("secondAppellate:UP-LKO");
		// Kolkata has no sub-division: the Tahsildar's post is at the district, so the appeal goes to the state, and
		// the second appeal no lower than the first.
		Office kolkata = offices.get("WB-KOL");
		assertThat(posts.group(income, "designatedOfficer", kolkata)).isEqualTo("designatedOfficer:WB-KOL");
		assertThat(posts.group(income, "firstAppellate", kolkata)).isEqualTo("firstAppellate:WB");
		assertThat(posts.group(income, "secondAppellate", kolkata)).isEqualTo("secondAppellate:WB");
	}

	@Test
	void aWrongOfficesFileStopsTheStartSayingWhereItIsWrong() {
		assertThatThrownBy(() -> directory("""
				levels: [state, district]
				fallback: A
				offices:
				  - {code: A, level: state, names: {en: A}}
				  - {code: B, parent: Z, level: district, names: {en: B}}
				""")).hasMessageContaining("office B: parent Z is not an office");
		assertThatThrownBy(() -> directory("""
				levels: [state, district]
				fallback: A
				offices:
				  - {code: A, level: state, names: {en: A}, serves: {pincodes: ["7000"]}}
				""")).hasMessageContaining("'7000' is neither a PIN code nor a range");
		assertThatThrownBy(() -> directory("""
				levels: [state, district]
				fallback: A
				offices:
				  - {code: A, level: district, names: {en: A}}
				  - {code: B, parent: A, level: state, names: {en: B}}
				""")).hasMessageContaining("office B: its parent must sit at a higher level");
	}

	static OfficeDirectory directory(String yaml) {
		return new OfficeDirectory(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
	}

}
