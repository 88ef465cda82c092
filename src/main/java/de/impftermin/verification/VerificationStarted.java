package de.impftermin.verification;

import java.time.Instant;
import java.util.UUID;

public record VerificationStarted(UUID id, Instant expiresAt) {}
