package org.sevahub.language;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitcherTest {

	private final AtomicInteger localeResolutions = new AtomicInteger();

	private final LanguageSwitcher switcher = new LanguageSwitcher(new Languages("en,bn,hi", null), names());

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/applications/BC2026000001/status");

	@BeforeEach
	void aLanguageResolvedOnlyWhenAsked() {
		request.setQueryString("print=1&lang=hi");
		// How DispatcherServlet hands the locale over: resolved on first use, which on an application's address reads
		// the application's row.
		LocaleContextHolder.setLocaleContext(() -> {
			localeResolutions.incrementAndGet();
			return Locale.forLanguageTag("bn");
		});
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aRenderedPageOffersEveryLanguageNamedInItselfOnTheSameAddress() {
		ModelAndView page = new ModelAndView("status");
		switcher.postHandle(request, new MockHttpServletResponse(), new Object(), page);

		@SuppressWarnings("unchecked")
		List<LanguageSwitcher.Choice> choices = (List<LanguageSwitcher.Choice>) page.getModel()
			.get(LanguageSwitcher.MODEL_NAME);
		assertThat(choices).extracting(LanguageSwitcher.Choice::code).containsExactly("en", "bn", "hi");
		assertThat(choices).extracting(LanguageSwitcher.Choice::name).containsExactly("English", "বাংলা", "हिन्दी");
		assertThat(choices).filteredOn(LanguageSwitcher.Choice::current)
			.extracting(LanguageSwitcher.Choice::code)
			.containsExactly("bn");
		assertThat(choices.get(2).url()).isEqualTo("/applications/BC2026000001/status?print=1&lang=hi");
		assertThat(choices.get(0).url()).isEqualTo("/applications/BC2026000001/status?print=1&lang=en");
		assertThat(localeResolutions).hasValue(1);
	}

	@Test
	void aJsonAnswerOrARedirectAsksNothingOfTheLanguage() {
		switcher.postHandle(request, new MockHttpServletResponse(), new Object(), null);
		ModelAndView redirectName = new ModelAndView("redirect:/applications/BC2026000001/form");
		switcher.postHandle(request, new MockHttpServletResponse(), new Object(), redirectName);
		ModelAndView redirectView = new ModelAndView(new RedirectView("/applications/BC2026000001/form", true));
		switcher.postHandle(request, new MockHttpServletResponse(), new Object(), redirectView);

		assertThat(redirectName.getModel()).doesNotContainKey(LanguageSwitcher.MODEL_NAME);
		assertThat(redirectView.getModel()).doesNotContainKey(LanguageSwitcher.MODEL_NAME);
		assertThat(localeResolutions).as("the application's row is not read for a model nobody renders").hasValue(0);
	}

	@Test
	void aPageAnsweringAPostOffersNoLinksThatWouldLoseIt() {
		MockHttpServletRequest otpStep = new MockHttpServletRequest("POST", "/citizen/sign-in/otp");
		ModelAndView page = new ModelAndView("citizen/sign-in");
		switcher.postHandle(otpStep, new MockHttpServletResponse(), new Object(), page);
		assertThat(page.getModel()).doesNotContainKey(LanguageSwitcher.MODEL_NAME);
		assertThat(localeResolutions).hasValue(0);
	}

	@Test
	void anInstallationOfOneLanguageShowsNoSwitcher() {
		LanguageSwitcher single = new LanguageSwitcher(new Languages("bn", null), names());
		ModelAndView page = new ModelAndView("status");
		single.postHandle(request, new MockHttpServletResponse(), new Object(), page);
		assertThat(page.getModel().get(LanguageSwitcher.MODEL_NAME)).isEqualTo(List.of());
	}

	private static StaticMessageSource names() {
		StaticMessageSource names = new StaticMessageSource();
		names.addMessage("language.name", Locale.ENGLISH, "English");
		names.addMessage("language.name", Locale.forLanguageTag("bn"), "বাংলা");
		names.addMessage("language.name", Locale.forLanguageTag("hi"), "हिन्दी");
		return names;
	}

}
