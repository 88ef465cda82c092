package de.impftermin.operations.web;

import de.impftermin.centres.Centre;
import de.impftermin.centres.Centres;
import de.impftermin.platform.CentreAccess;
import de.impftermin.platform.Refusal;
import org.springframework.stereotype.Component;

/**
 * The page's centre for every page of the centre console: 403 for a centre the operator does not run, 404 for none.
 * (The header's model is {@link CentreConsoleHeader}'s, an advice without dependencies, so that other modules' web
 * slices, which load every advice, need no centres.)
 */
@Component
class CentreConsolePages {

    private final Centres centres;

    CentreConsolePages(Centres centres) {
        this.centres = centres;
    }

    Centre centre(String id) {
        CentreAccess.require(id);
        return centres.find(id).orElseThrow(() -> Refusal.notFound("Centre " + id));
    }
}
