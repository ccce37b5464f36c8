package org.sevahub.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package boundaries of docs/architecture.md, checked on the compiled classes. */
class ModuleBoundariesTest {

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.sevahub");

	@Test
	void noPortalDependsOnAnother() {
		slices().matching("org.sevahub.portal.(*)..").should().notDependOnEachOther().allowEmptyShould(true).check(MAIN);
	}

	@Test
	void portalsDependOnlyOnTheModelAndDelivery() {
		noClasses().that()
			.resideInAPackage("org.sevahub.portal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.sevahub.web..", "org.sevahub.workflow..", "org.sevahub.certificate..",
					"org.sevahub.sandbox..")
			.allowEmptyShould(true)
			.check(MAIN);
	}

	@Test
	void theCanonicalModelKnowsNoPortalNorThePagesAboveIt() {
		noClasses().that()
			.resideInAnyPackage("org.sevahub.application..", "org.sevahub.delivery..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.sevahub.portal..", "org.sevahub.web..", "org.sevahub.sandbox..",
					"org.sevahub.workflow..")
			.check(MAIN);
	}

	@Test
	void onlyTheSandboxAndTestsKnowTheSandbox() {
		noClasses().that()
			.resideOutsideOfPackage("org.sevahub.sandbox..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.sevahub.sandbox..")
			.check(MAIN);
	}

}
