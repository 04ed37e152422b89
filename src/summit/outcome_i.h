/* summit/outcome_i.h: the outcome object the summit engine fills. */
#ifndef CONCERT_I_OUTCOME_H
#define CONCERT_I_OUTCOME_H
#include <concert/network.h>
#include <concert/summit.h>

/* A growable array of actor indices. */
typedef struct concert_i_idlist {
  size_t *v;     /* indices */
  size_t n, cap; /* used, allocated */
} concert_i_idlist;

struct concert_outcome {
  const concert_scenario *s;   /* borrowed: must outlive the outcome */
  size_t forum;                /* forum index */
  char model[32];              /* model name */
  concert_issue_result *res;   /* one per agenda issue, agenda order */
  concert_i_idlist *sig, *par, *rej; /* per result: signatories, partners, rejecters */
  concert_i_idlist *dis;       /* per result: dissociating members */
  char **reason;               /* per result: plain-words reason (owned) */
  size_t n_res;
  concert_veto *vetoes;        /* every refusal of a forum text */
  size_t n_vetoes, cap_vetoes;
  concert_departure *deps;     /* departures */
  size_t n_deps;
  concert_communique comm;     /* communique (arrays below) */
  concert_i_idlist endorsers, objectors, withdrawn, dissociating;
  concert_paragraph *par_doc;  /* the package's paragraphs, one per result */
  concert_i_idlist *carved;    /* per paragraph: carved-out members */
  char *doc_reason;            /* plain words for the document's fate (owned) */
  concert_document_hinge *hinges; /* inputs the expected fate hinges on */
  size_t n_hinges, cap_hinges;
  concert_attendance *att;     /* per forum member */
  double *gain;                /* per forum member */
  double *expected;            /* chair's expected text per agenda issue */
  concert_deal *deals;         /* bilateral deals, scenario actor indices */
  size_t n_deals;
  concert_network *net;        /* deal network over the forum's members, NULL if no deal */
};

/** Empties o for another play of the same forum: every count to zero, the statements, the
 * communique and the gains cleared, the reasons, deals and network freed; the arrays kept
 * (the package's paragraphs too: the next play swaps them). O(results + members). */
void concert_i_outcome_reset(concert_outcome *o);
/** Replaces `to` by a copy of `from`; CONCERT_ERR_NOMEM on failure. */
concert_status concert_i_idlist_copy(concert_i_idlist *to, const concert_i_idlist *from);
/** Whether l holds x. O(n); inline (the package's tests call it per member and paragraph). */
static inline bool concert_i_idlist_has(const concert_i_idlist *l, size_t x) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i] == x) return true;
  return false;
}
/** Appends x; returns CONCERT_ERR_NOMEM on failure. */
concert_status concert_i_idlist_push(concert_i_idlist *l, size_t x);

struct concert_csv_out;
/** The outcome's CSV header row and its rows (outcome_csv.c; docs/csv.md), shared by
 * concert_outcome_write_csv and concert_compare_write_csv. */
void concert_i_outcome_csv_header(struct concert_csv_out *c);
void concert_i_outcome_csv_rows(struct concert_csv_out *c, const concert_outcome *o);

#endif
