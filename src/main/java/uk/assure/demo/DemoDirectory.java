package uk.assure.demo;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import uk.assure.plan.NewPlan;

/**
 * Who is in the demo partnership: a fictional borough, its agencies (with the names plans use for them), people and
 * governance bodies. Every name here is invented.
 */
final class DemoDirectory {

    static final String PARTNERSHIP = "Westbrook Safeguarding Children Partnership";
    static final String AREA = "Westbrook";

    record AgencySpec(String key, String name, String shortName, List<String> aliases) {}

    record PersonSpec(String key, String name, String jobTitle, String agencyKey) {}

    record BodySpec(String key, String name, List<String> aliases) {}

    static final List<AgencySpec> AGENCIES = List.of(
            new AgencySpec(
                    "council",
                    "Westbrook Borough Council Children's Services",
                    "WBC",
                    List.of("Westbrook Borough Council", "Children's Services", "Children's Social Care")),
            new AgencySpec("police", "Westbrook Police", "Police", List.of("D. Supt. PVP", "Public Protection Unit")),
            new AgencySpec(
                    "hospital",
                    "Westbrook Hospitals NHS Foundation Trust",
                    "WHFT",
                    List.of("Westbrook Hospitals", "Acute Trust")),
            new AgencySpec(
                    "mentalHealth",
                    "Westbrook Community and Mental Health NHS Trust",
                    "WCMHT",
                    List.of("Mental Health Trust", "CAMHS")),
            new AgencySpec(
                    "icb",
                    "Westbrook Integrated Care Board",
                    "ICB",
                    List.of("CCG", "Westbrook CCG", "Designated Professionals")),
            new AgencySpec(
                    "probation",
                    "Probation Service, Westbrook Delivery Unit",
                    "Probation",
                    List.of("National Probation Service", "NPS", "CRC")),
            new AgencySpec(
                    "youthJustice", "Westbrook Youth Justice Service", "YJS", List.of("Youth Offending Team", "YOT")),
            new AgencySpec(
                    "education",
                    "Westbrook Schools and Education Safeguarding",
                    "Education",
                    List.of("Schools", "Education Safeguarding Team")),
            new AgencySpec(
                    "partnership",
                    "Westbrook Safeguarding Children Partnership Business Unit",
                    "WSCP",
                    List.of("Business Unit", "LSCB", "WSCP Training")));

    static final List<PersonSpec> PEOPLE = List.of(
            new PersonSpec("dcs", "Joanna Whitfield", "Director of Children's Services", "council"),
            new PersonSpec("headOfService", "Marcus Adeyemi", "Head of Service, Children's Social Care", "council"),
            new PersonSpec("mashLead", "Priya Natarajan", "Head of Early Help and MASH", "council"),
            new PersonSpec("pvp", "Gareth Moss", "Detective Superintendent, Public Protection", "police"),
            new PersonSpec("mashInspector", "Claire Benham", "Detective Inspector, MASH", "police"),
            new PersonSpec("namedDoctor", "Dr Tom Ellery", "Named Doctor for Safeguarding Children", "hospital"),
            new PersonSpec("mhSafeguarding", "Sian Castell", "Head of Safeguarding", "mentalHealth"),
            new PersonSpec("designatedNurse", "Ruth Okafor", "Designated Nurse for Safeguarding Children", "icb"),
            new PersonSpec(
                    "probationHead", "Daniel Reyes", "Head of the Westbrook Probation Delivery Unit", "probation"),
            new PersonSpec("yjsManager", "Amira Haddad", "Youth Justice Service Manager", "youthJustice"),
            new PersonSpec("educationLead", "Helen Marsh", "Education Safeguarding Lead", "education"),
            new PersonSpec("businessManager", "Lewis Granger", "Partnership Business Manager", "partnership"),
            new PersonSpec("qaOfficer", "Nadia Fairbairn", "Quality Assurance and Learning Officer", "partnership"));

    static final List<BodySpec> BODIES = List.of(
            new BodySpec("executive", "Partnership Executive", List.of("LSCB Executive", "Executive Group")),
            new BodySpec("mash", "MASH Board", List.of("MASH Strategic Board")),
            new BodySpec("learning", "Learning and Improvement Group", List.of("LIG", "Case Review Group")),
            new BodySpec(
                    "performance", "Quality Assurance and Performance Group", List.of("QAPG", "Performance Group")));

    /** The person who writes updates when nobody else is named. */
    static final String BUSINESS_MANAGER = "businessManager";

    private DemoDirectory() {}

    static PersonSpec person(String key) {
        return PEOPLE.stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No demo person " + key));
    }

    static BodySpec body(String key) {
        return BODIES.stream()
                .filter(b -> b.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No demo body " + key));
    }

    static boolean isPerson(String key) {
        return PEOPLE.stream().anyMatch(p -> p.key().equals(key));
    }

    /** The first person listed for an agency: who writes its updates when the plan names only the agency. */
    static PersonSpec firstPersonOf(String agencyKey) {
        return PEOPLE.stream()
                .filter(p -> p.agencyKey().equals(agencyKey))
                .findFirst()
                .orElseGet(() -> person(BUSINESS_MANAGER));
    }

    /** The database ids the directory was given, by key. */
    record Ids(Map<String, Long> agencies, Map<String, Long> people, Map<String, Long> bodies) {

        Ids {
            agencies = Map.copyOf(agencies);
            people = Map.copyOf(people);
            bodies = Map.copyOf(bodies);
        }

        /** A lead by person key (with the person's agency) or by agency key alone. */
        NewPlan.Lead lead(String key) {
            if (isPerson(key)) {
                return new NewPlan.Lead(id(agencies, person(key).agencyKey()), id(people, key));
            }
            return new NewPlan.Lead(id(agencies, key), null);
        }

        long body(String key) {
            return id(bodies, key);
        }

        private static long id(Map<String, Long> ids, String key) {
            Long id = ids.get(key);
            if (id == null) {
                throw new NoSuchElementException("No id for demo key " + key);
            }
            return id;
        }
    }
}
