package org.openinfusion.station.clinical.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.export.V1Trails;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.testing.TempFolders;
import org.openinfusion.station.testing.ReviewScenario;

/**
 * Wrote src/test/resources/audit/v1-review.jsonl once, from the code before the typed session history: the review
 * scenario's main session and a short one, a failed and a good signature password, a signature, a note and a rating
 * amendment, and an export, all through the real services.
 */
public final class V1ReviewTrail {
    private V1ReviewTrail() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("v1-review-");
        try (ReviewScenario s = new ReviewScenario(dir)) {
            String id = s.runMainSession();
            s.quickSession("bed-02", ReviewScenario.PROTOCOL, "KET-302", ReviewScenario.at(200), false);
            s.clock.set(ReviewScenario.at(240));
            Principal dr = new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME);
            ReviewService review = s.review();
            try {
                review.sign(dr, new ReviewRequest.Sign(id, SignatureMeaning.REVIEWED, "wrong".toCharArray(), 0));
            } catch (ReviewException expected) {
                // a wrong password: audited as user.password_confirm_failed
            }
            review.sign(dr, new ReviewRequest.Sign(id, SignatureMeaning.REVIEWED, ReviewScenario.PHYSICIAN_PASSWORD.clone(), 0));
            s.clock.set(ReviewScenario.at(250));
            review.amend(dr, new ReviewRequest.Amend(id, ReviewRequest.AmendmentKind.NOTE, "omitted at the bedside",
                    "mild headache at discharge", null, null));
            s.clock.set(ReviewScenario.at(255));
            review.amend(dr, new ReviewRequest.Amend(id, ReviewRequest.AmendmentKind.RATING, "paper note", null, "r-moaas",
                    Map.of("1", 3)));
            s.clock.set(ReviewScenario.at(260));
            review.sign(dr, new ReviewRequest.Sign(id, SignatureMeaning.APPROVED, ReviewScenario.PHYSICIAN_PASSWORD.clone(), 0));
            review.export(dr, new ReviewRequest.Export(id, null, ExportFormat.RATINGS_CSV));
            Files.copy(s.file, V1Trails.resource(V1Trails.REVIEW_FILE), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            TempFolders.deleteTree(dir);
        }
    }
}
