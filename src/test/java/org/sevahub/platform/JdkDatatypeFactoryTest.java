package org.sevahub.platform;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdkDatatypeFactoryTest {

	String before;

	@BeforeEach
	void forget() {
		before = System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
		}
		else {
			System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
		}
	}

	@Test
	void theEnginesTimersNoLongerSearchTheClassPathForAFactory() throws Exception {
		assertThat(lookupsWhileResolvingATimer()).as("without the plugin, each timer searches the class path")
			.contains("META-INF/services/javax.xml.datatype.DatatypeFactory");

		new JdkDatatypeFactory().preInit(null);

		assertThat(lookupsWhileResolvingATimer()).isEmpty();
		assertThat(DatatypeFactory.newInstance().getClass().getName())
			.isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
	}

	@Test
	void anOperatorsOwnChoiceStays() {
		System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OperatorsFactory");

		new JdkDatatypeFactory().preInit(null);

		assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OperatorsFactory");
	}

	/** The class-path resources asked for while the engine resolves a disposal-period timer's duration. */
	private static List<String> lookupsWhileResolvingATimer() throws Exception {
		List<String> asked = new ArrayList<>();
		ClassLoader recording = new ClassLoader(JdkDatatypeFactoryTest.class.getClassLoader()) {
			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				asked.add(name);
				return super.getResources(name);
			}
		};
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(recording);
		try {
			new DurationHelper("P30D");
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		return asked;
	}

}
