package org.sevahub.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean a BPMN in processes/ may name as {@code ${beanName}}: on the class of a component, or on the
 * {@code @Bean} method that makes it. The deployment guard refuses a process naming any other bean, and the
 * repository's bpmnlint plugin (lint/bpmnlint-plugin-sevahub/sevahub.json) lists the same beans; a test keeps
 * the two equal.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessApi {

	/**
	 * The bean talks to something outside the engine's transaction (a registry over HTTP, an SMS gateway): a
	 * service task calling it must run asynchronously, with a retry cycle, so a failure is retried by the job
	 * executor and shows as an incident instead of rolling back the officer's or citizen's action.
	 */
	boolean callsOutside() default false;

}
