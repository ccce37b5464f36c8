package org.sevahub.application;

/** An Aadhaar number as SevaHub keeps it: never the number itself. */
public record ProtectedAadhaar(String cipher, String masked, String hash) {
}
