package org.sevahub.language;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Tasklist shows officers: each form's texts in English and the installation's state language. */
class BilingualTasklistFormsTest {

	final BilingualTasklistForms forms = new BilingualTasklistForms(new Languages("en,bn", null));

	final ObjectMapper json = new ObjectMapper();

	@Test
	void labelsChoicesAndTextsAreDeployedInEnglishAndTheStateLanguage() throws Exception {
		JsonNode bengali = json.readTree(forms.bilingual(Files.readAllBytes(Path.of("forms/decide-application.form")), "bn"));
		assertThat(bengali.has("translations")).isFalse();
		assertThat(bengali.toString()).contains("\"Decision / সিদ্ধান্ত\"", "\"Approve / মঞ্জুর করুন\"",
				"\"Seek clarification from the citizen / নাগরিকের কাছে ব্যাখ্যা চান\"", "### আবেদনের সিদ্ধান্ত",
				"\"key\":\"decision\"", "\"value\":\"approve\"");
		JsonNode marathi = json.readTree(forms.bilingual(Files.readAllBytes(Path.of("forms/hear-appeal.form")), "mr"));
		assertThat(marathi.toString()).contains("Allow the appeal / अपील मान्य करा");
	}

	@Test
	void theBriefsHeadingsAreDeployedInEnglishAndTheStateLanguage() throws Exception {
		JsonNode bengali = json.readTree(forms.bilingual(Files.readAllBytes(Path.of("forms/verify-application.form")), "bn"));
		String html = bengali.path("components").findValues("content").toString();
		assertThat(html).contains("<h3>History / ইতিহাস</h3>", "<strong>Office / দপ্তর:</strong> {{brief.office}}",
				"{{scan}} · verdict so far / এখন পর্যন্ত রায়: {{verdict}}", "Open / খুলুন {{file}}</a>",
				"<a href=\\\"{{viewUrl}}\\\">", "{{#loop brief.history}}");
		assertThat(BilingualTasklistForms.html("<p><b>Came through:</b> {{brief.origin}}</p>", json.readTree("{}")))
			.as("a phrase without a translation stays as written").isEqualTo("<p><b>Came through:</b> {{brief.origin}}</p>");
	}

	@Test
	void anEnglishOnlyInstallationDeploysTheFormsAsWritten() throws Exception {
		JsonNode english = json.readTree(forms.bilingual(Files.readAllBytes(Path.of("forms/decide-application.form")), "en"));
		assertThat(english.toString()).contains("\"label\":\"Decision\"").doesNotContain(" / ", "translations");
	}

	@Test
	void everyOfficersFormHasEveryTextInEveryLanguage() throws Exception {
		for (String form : new String[] { "decide-application", "decide-overdue", "hear-appeal", "review-duplicate",
				"sanction-benefit", "verify-application" }) {
			byte[] source = Files.readAllBytes(Path.of("forms", form + ".form"));
			for (String language : new String[] { "hi", "bn", "mr" }) {
				String deployed = new String(forms.bilingual(source, language), java.nio.charset.StandardCharsets.UTF_8);
				JsonNode components = json.readTree(deployed).path("components");
				components.findValues("label").forEach(label -> assertThat(label.asText()).as(form + " " + language)
					.contains(BilingualTasklistForms.SEPARATOR));
				// Texts are matched whole: a text edited in English without its translation is deployed untranslated.
				java.util.List<JsonNode> english = json.readTree(source).path("components").findValues("text");
				java.util.List<JsonNode> shown = components.findValues("text");
				for (int i = 0; i < english.size(); i++) {
					assertThat(shown.get(i).asText()).as(form + " " + language + " text " + i).isNotEqualTo(english.get(i).asText());
				}
				// The fixed words of the HTML views (the brief's headings, "Came through:") are translated as labels are.
				for (JsonNode content : json.readTree(source).path("components").findValues("content")) {
					assertThat(BilingualTasklistForms.phrases(content.asText())).as(form + " " + language + " HTML")
						.allSatisfy(phrase -> assertThat(json.readTree(source).path("translations").path(language).has(phrase))
							.as(form + " " + language + ": \"" + phrase + "\"").isTrue());
				}
			}
		}
	}

	/**
	 * Tasklist's stylesheet keeps an HTML view's table cells on one line (".fjs-form-field-html td { white-space:
	 * nowrap }") and its task pane cuts off what runs past it: at 360 px the brief's history lost its Status, By and
	 * Remarks columns ("2 December 2026 / 2 दिसंबर 2026, 12:35" alone filled the pane), and at any width a long remark
	 * ran out of sight. Every cell of the brief's tables, as deployed, wraps.
	 */
	@Test
	void theBriefsTableCellsWrapInTasklistsPane() throws Exception {
		for (String form : new String[] { "decide-application", "decide-overdue", "hear-appeal", "review-duplicate",
				"sanction-benefit", "verify-application" }) {
			byte[] source = Files.readAllBytes(Path.of("forms", form + ".form"));
			String deployed = new String(forms.bilingual(source, "hi"), java.nio.charset.StandardCharsets.UTF_8);
			java.util.List<String> cells = new java.util.ArrayList<>();
			for (JsonNode content : json.readTree(deployed).path("components").findValues("content")) {
				java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td[^>]*>").matcher(content.asText());
				while (cell.find()) {
					cells.add(cell.group());
				}
			}
			assertThat(cells).as(form).isNotEmpty().allSatisfy(cell -> assertThat(cell).contains("white-space:normal"));
		}
	}

}
