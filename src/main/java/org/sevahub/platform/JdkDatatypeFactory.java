package org.sevahub.platform;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} for the JVM. The engine asks {@code DatatypeFactory.newInstance()} for
 * every timer it creates or resolves (its {@code DurationHelper}: each disposal-period and appellate timer of every
 * application), and without a name that call searches every jar on the class path for another provider, a
 * {@code ServiceLoader} scan each time: 9% of a BSK API-1 initiation in a flight recording, more in the packaged jar
 * with its nested jars. SevaHub ships no other provider, so the answer was always the JDK's. An operator's own
 * {@code -Djavax.xml.datatype.DatatypeFactory} is left as it is.
 */
@Component
class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
			System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		}
	}

}
