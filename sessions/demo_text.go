package sessions

// Illustrative notes for the demo event, by stage, each with its enabler
// tag (or none). They are plausible
// statements built on the "Next Steps" framework's themes (benefits and
// enablers); they are NOT what any real forum said.
var demoNotes = map[string][][2]string{
	"vision": {
		{"Patients get consistent, accessible care wherever they are registered in the footprint", "processes"},
		{"Practices work together in networks with shared multi-professional teams", "people"},
		{"A resilient workforce with new roles: pharmacists, physician associates, social prescribers", "people"},
		{"General practice has an equal voice in the integrated care system", ""},
		{"Proactive care for people with long-term conditions, planned across practices", "processes"},
		{"Shared records so every clinician sees the whole picture", "systems"},
		{"Staff enjoy working here: a manageable workload and real career pathways", "people"},
		{"Care coordinated with community, mental health and social care around the patient", "processes"},
	},
	"journey": {
		{"The federation delivers extended access across all practices", "processes"},
		{"A shared back office saved money but took two years to agree", "resources"},
		{"Data-sharing agreements still differ between boroughs", "systems"},
		{"Some practices feel collaboration is done to them, not with them", "people"},
		{"A quality improvement collaborative worked well for diabetes care", "processes"},
		{"Estates are the biggest barrier: no room for new staff", "resources"},
		{"Different clinical systems make shared working hard", "systems"},
		{"Good relationships with the local hospital's frailty team", "people"},
	},
	"priorities": {
		{"Agree one governance model for collaboration across the footprint", "processes"},
		{"Invest in organisational development and leadership for clinical leads", "people"},
		{"Fund shared roles at network level: clinical pharmacists, social prescribers", "people"},
		{"Interoperable records and a shared population health dashboard", "systems"},
		{"Release estates funding for hubs that serve several practices", "resources"},
		{"Protect staff time to take part in quality improvement", "people"},
		{"Involve patients in designing how services change", "processes"},
		{"Simplify contracts so incentives reward collaboration", "resources"},
		{"Share what works between areas instead of reinventing it", "processes"},
	},
}

// demoSteps are illustrative next steps: action, owner, by when, assist,
// enabler.
var demoSteps = [][5]string{
	{"Map current collaborations and how they are governed", "Area primary care lead", "End of Q1", "A common maturity framework from the region", "processes"},
	{"Set up a workforce group to plan shared roles", "Federation board", "End of Q2", "Funding certainty for more than one year", "people"},
	{"Agree one data-sharing agreement across the boroughs", "Information governance leads", "June", "A regional template agreement", "systems"},
	{"Bid for estates funding for two shared hubs", "Area estates lead", "Autumn", "Faster capital approvals", "resources"},
}

// demoPeople are made-up role holders for the demo tables.
var demoPeople = [][3]string{
	{"A. Facilitator", "B. Scribe", "C. Reporter"},
	{"D. Facilitator", "E. Scribe", "F. Reporter"},
}
