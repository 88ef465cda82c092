package de.impftermin.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import org.jspecify.annotations.Nullable;

/**
 * A date (or date-time) in the years 1900–2199. JSON accepts dates like {@code +999999999-12-31} that no appointment,
 * delivery or birth can have and that break date arithmetic or the database's range; they are refused as bad input.
 * {@code null} is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Validator.class)
public @interface PlausibleDate {

    String message() default "must be a date between 1900 and 2199";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int FIRST_YEAR = 1900;
    int LAST_YEAR = 2199;

    class Validator implements ConstraintValidator<PlausibleDate, Temporal> {

        @Override
        public boolean isValid(@Nullable Temporal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int year = value.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
