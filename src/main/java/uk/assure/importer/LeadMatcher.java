package uk.assure.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.plan.NewPlan;

/**
 * What a plan wrote as a lead, matched to the partnership: an agency by its name, short name or alias ("SBC",
 * "D. Supt. PVP", "Chub"); else a person by name or job title ("Head of Performance"), who brings their agency.
 */
final class LeadMatcher {

    private final DirectoryMatcher agencies;
    private final DirectoryMatcher people;
    private final Map<Long, PartnershipDirectory.PersonEntry> peopleById = new HashMap<>();
    private final Map<Long, String> agencyLabels;

    private LeadMatcher(PartnershipDirectory directory, long partnershipId) {
        this.agencies = new DirectoryMatcher(directory.agencyNames(partnershipId));
        this.agencyLabels = directory.agencyLabels(partnershipId);
        Map<String, Long> personNames = new HashMap<>();
        for (PartnershipDirectory.PersonEntry person : directory.people(partnershipId)) {
            peopleById.put(person.id(), person);
            personNames.putIfAbsent(person.name(), person.id());
            if (person.jobTitle() != null && !person.jobTitle().isBlank()) {
                personNames.putIfAbsent(person.jobTitle(), person.id());
            }
        }
        this.people = new DirectoryMatcher(personNames);
    }

    static LeadMatcher of(PartnershipDirectory directory, long partnershipId) {
        return new LeadMatcher(directory, partnershipId);
    }

    Optional<NewPlan.Lead> match(String written) {
        Optional<Long> agency = agencies.match(written);
        if (agency.isPresent()) {
            return Optional.of(new NewPlan.Lead(agency.get(), null));
        }
        return people.match(written)
                .map(id -> new NewPlan.Lead(peopleById.get(id).agencyId(), id));
    }

    /** "Testshire Police", or "Jo Bloggs, Head of Performance (Testshire County Council)" for a person. */
    String label(NewPlan.Lead lead) {
        if (lead.personId() == null) {
            return agencyLabels.get(lead.agencyId());
        }
        PartnershipDirectory.PersonEntry person = peopleById.get(lead.personId());
        String who = person.jobTitle() == null ? person.name() : person.name() + ", " + person.jobTitle();
        return person.agencyId() == null ? who : who + " (" + agencyLabels.get(person.agencyId()) + ")";
    }
}
