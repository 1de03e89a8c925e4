/* Compiled versions of the spelling rules' two per-word passes over a document.
 *
 * The spelling rules read every word of a document twice before they judge any: the split
 * into plain words (giaoban_qa.spelling.tokens.scan) and, for text.real-word-slip, each
 * word's model id and the test of each pair of neighbours against the slip index's strong
 * contexts (rules.spelling._suspects). In Python both run at C speed piece by piece (one
 * regex split, maps over lists), but as a dozen passes that each build a list of every word;
 * here each is one loop. They are most of what the spelling rules cost on ordinary reports
 * (benchmarks/profile_spelling_parts.py).
 *
 * Around those two passes: each word's number among the run's kept words (scan's fifth
 * item), by which the word's model id and validity are remembered in one dense array
 * (suspects, invalid_words, which also gives the places of the invalid words); the slip
 * index's strong contexts as one table of pairs (stored in the index); the bigram
 * counts of the few words the rule then reads (neighbour_counts) and its candidate loop
 * (best_candidate); and two facts of the text that text.glued-figure and
 * text.brand-variant need before their searches (text_hints).
 *
 * Every function returns exactly what its Python version returns; the Python versions stay
 * and are used when this module is not built (tests compare the two). Character classes are
 * those of Python's re module for str patterns: \w is Py_UNICODE_ISALNUM or '_', \d is
 * Py_UNICODE_ISDECIMAL, so a letter ([^\W\d_]) is alphanumeric and not a decimal digit.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <math.h>

/* Classes of the first characters (Latin, Vietnamese, general punctuation) by table; the
 * rest by the Unicode database. The table is filled from the same macros at import. */
#define TABLE_SIZE 0x2000
#define IS_LETTER 1
#define IS_WORD 2
#define IS_ALNUM 4
static unsigned char char_class[TABLE_SIZE];

static void fill_char_class(void)
{
    for (Py_UCS4 c = 0; c < TABLE_SIZE; c++) {
        unsigned char k = 0;
        if (Py_UNICODE_ISALNUM(c)) {
            k |= IS_WORD | IS_ALNUM;
            if (!Py_UNICODE_ISDECIMAL(c))
                k |= IS_LETTER;
        }
        if (c == '_')
            k |= IS_WORD;
        char_class[c] = k;
    }
}

static inline int is_letter(Py_UCS4 c)
{
    return c < TABLE_SIZE ? (char_class[c] & IS_LETTER) != 0 : (Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c));
}

static inline int is_word(Py_UCS4 c) /* \w */
{
    return c < TABLE_SIZE ? (char_class[c] & IS_WORD) != 0 : Py_UNICODE_ISALNUM(c);
}

static inline int is_alnum(Py_UCS4 c) /* [^\W_] */
{
    return c < TABLE_SIZE ? (char_class[c] & IS_ALNUM) != 0 : Py_UNICODE_ISALNUM(c);
}

/* The characters that glue a letter run into a code, a URL or a compound (tokens._GLUE_CLASS). */
static inline int is_glue(Py_UCS4 c)
{
    switch (c) {
    case '_': case '/': case '@': case '\\': case '-': case 0x2013: case '\'': case 0x2019:
    case '&': case '+': case '=': case '#': case '%': case ':': case '~': case '|':
    case '<': case '>': case '*':
        return 1;
    default:
        return 0;
    }
}

/* Only spaces (ordinary or no-break), one to three of them (tokens._JOINING). */
static int joining_gap(int kind, const void *data, Py_ssize_t from, Py_ssize_t to)
{
    Py_ssize_t gap = to - from;
    if (gap < 1 || gap > 3)
        return 0;
    for (Py_ssize_t k = from; k < to; k++) {
        Py_UCS4 s = PyUnicode_READ(kind, data, k);
        if (s != ' ' && s != 0xA0)
            return 0;
    }
    return 1;
}

static int append_new(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int r = PyList_Append(list, item);
    Py_DECREF(item);
    return r;
}

/* The words met so far in the run, each kept once: a word is appended as the string met
 * first, so the sets and dicts the rules look words up in find it by identity, in memory
 * they touched already, instead of comparing a fresh copy with the stored one; and a word
 * met before costs no new string (most of a document's words were met in earlier
 * documents). An open-addressing table of the kept strings by a hash of their code points,
 * looked up straight from the text's characters. Bounded: emptied past WORDS_MAX. */
#define WORDS_MAX 100000
typedef struct {
    unsigned long long hash;
    PyObject *word; /* a str, owned; NULL: free slot */
    unsigned int number; /* the order in which the word was kept: its row in word_facts */
} KnownWord;
static KnownWord *known = NULL;
static Py_ssize_t known_size = 0, known_used = 0; /* size: a power of two */

/* What the rules learnt of each kept word, by its number: its model id and whether it is a
 * valid syllable (scan hands the rules each word's number, so these are read from one dense
 * array instead of a dict lookup and a set lookup per word, which touched the word's string,
 * the dict's tables and the id's int object: memory the other rules had since evicted).
 * Emptied with the kept words; a new generation then tells the numbers of an older scan
 * apart. The ids are those of one model's run cache (ids_owner, a dict): another dict
 * empties them. */
#define VALIDITY_UNKNOWN 0
#define VALIDITY_VALID 1
#define VALIDITY_INVALID 2
typedef struct {
    unsigned long long id_plus_one; /* 0: not yet asked */
    unsigned char validity;
} WordFacts;
static WordFacts *word_facts = NULL;
static Py_ssize_t word_facts_size = 0;
static unsigned long long generation = 0;
static PyObject *ids_owner = NULL;

static void forget_known(void)
{
    for (Py_ssize_t k = 0; k < known_size; k++)
        Py_XDECREF(known[k].word);
    PyMem_Free(known);
    known = NULL;
    known_size = known_used = 0;
    PyMem_Free(word_facts);
    word_facts = NULL;
    word_facts_size = 0;
    generation++;
}

/* Room in word_facts for the numbers below known_used + 1, the new rows zeroed. */
static int grow_word_facts(void)
{
    if (known_used < word_facts_size)
        return 0;
    Py_ssize_t size = word_facts_size ? word_facts_size * 2 : 1 << 13;
    WordFacts *facts = PyMem_Realloc(word_facts, size * sizeof(WordFacts));
    if (facts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(facts + word_facts_size, 0, (size - word_facts_size) * sizeof(WordFacts));
    word_facts = facts;
    word_facts_size = size;
    return 0;
}

static int grow_known(void)
{
    Py_ssize_t size = known_size ? known_size * 2 : 1 << 14;
    KnownWord *table = PyMem_Calloc(size, sizeof(KnownWord));
    if (table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < known_size; k++) {
        if (known[k].word == NULL)
            continue;
        Py_ssize_t slot = (Py_ssize_t)(known[k].hash & (size - 1));
        while (table[slot].word != NULL)
            slot = (slot + 1) & (size - 1);
        table[slot] = known[k];
    }
    PyMem_Free(known);
    known = table;
    known_size = size;
    return 0;
}

/* The kept string equal to text[start:end] (a new reference), made and kept if new; its
 * number in *number. */
static PyObject *kept_word(PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
                           unsigned int *number)
{
    unsigned long long hash = 1469598103934665603ull; /* FNV-1a over the code points */
    for (Py_ssize_t k = start; k < end; k++) {
        hash ^= PyUnicode_READ(kind, data, k);
        hash *= 1099511628211ull;
    }
    if (known_used > WORDS_MAX)
        forget_known();
    if ((known_used + 1) * 2 > known_size && grow_known() < 0)
        return NULL;
    const Py_ssize_t length = end - start;
    Py_ssize_t slot = (Py_ssize_t)(hash & (known_size - 1));
    for (;; slot = (slot + 1) & (known_size - 1)) {
        PyObject *word = known[slot].word;
        if (word == NULL)
            break;
        if (known[slot].hash != hash || PyUnicode_GET_LENGTH(word) != length)
            continue;
        const int word_kind = PyUnicode_KIND(word);
        const void *word_data = PyUnicode_DATA(word);
        Py_ssize_t k = 0;
        while (k < length && PyUnicode_READ(word_kind, word_data, k) == PyUnicode_READ(kind, data, start + k))
            k++;
        if (k == length) {
            Py_INCREF(word);
            *number = known[slot].number;
            return word;
        }
    }
    if (grow_word_facts() < 0)
        return NULL;
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (word == NULL)
        return NULL;
    Py_INCREF(word);
    known[slot].hash = hash;
    known[slot].word = word;
    known[slot].number = (unsigned int)known_used;
    *number = (unsigned int)known_used;
    known_used++;
    return word;
}

/* The characters of a str argument (its kind, data and length); -1 with TypeError set when it
 * is no str. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} TextView;

static int text_view(PyObject *text, const char *function, TextView *view)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a str", function);
        return -1;
    }
    if (PyUnicode_READY(text) < 0)
        return -1;
    view->kind = PyUnicode_KIND(text);
    view->data = PyUnicode_DATA(text);
    view->n = PyUnicode_GET_LENGTH(text);
    return 0;
}

PyDoc_STRVAR(scan_doc,
"scan(text) -> (texts, starts, ends, joined, numbers)\n\n"
"The plain words of text as tokens.scan finds them: maximal letter runs with no word\n"
"character or glue character on either side, no 'x.' before (Tp.HCM) and no '.x' after\n"
"(a domain); starts, ends: bytes of C unsigned ints (array('I') reads them); joined: only\n"
"one to three spaces since the previous word (never the first).\n"
"numbers: (generation, bytes), each word's number among the run's kept words as uint32,\n"
"for suspects and invalid_words; None when the kept words were emptied during the scan.");

static PyObject *scan(PyObject *self, PyObject *text)
{
    TextView view;
    if (text_view(text, "scan", &view) < 0)
        return NULL;
    const int kind = view.kind;
    const void *data = view.data;
    const Py_ssize_t n = view.n;
    /* (Before the first goto: the failure path frees them.) The offsets are C integers, not
     * an int object each: two allocations per word were a third of the scan's time. */
    unsigned int *numbers = NULL, *starts = NULL, *ends = NULL;
    PyObject *texts = PyList_New(0), *joined = PyList_New(0);
    if (!texts || !joined)
        goto fail;
    if ((size_t)n > (size_t)UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "scan() takes texts of at most 2**32 - 1 characters");
        goto fail;
    }
    const unsigned long long scan_generation = generation;
    Py_ssize_t n_numbers = 0, numbers_room = 0;
    Py_ssize_t i = 0, previous_end = -1;
    while (i < n) {
        if (!is_letter(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        const Py_ssize_t start = i;
        Py_ssize_t end = i + 1;
        while (end < n && is_letter(PyUnicode_READ(kind, data, end)))
            end++;
        i = end;
        /* (A shorter run would end before a letter, which the regex's lookahead rejects: a
         * run is a word whole or not at all.) */
        if (start > 0) {
            Py_UCS4 before = PyUnicode_READ(kind, data, start - 1);
            if (is_word(before) || is_glue(before))
                continue;
            if (before == '.' && start > 1 && is_alnum(PyUnicode_READ(kind, data, start - 2)))
                continue;
        }
        if (end < n) {
            Py_UCS4 after = PyUnicode_READ(kind, data, end);
            if (is_word(after) || is_glue(after))
                continue;
            if (after == '.' && end + 1 < n && is_alnum(PyUnicode_READ(kind, data, end + 1)))
                continue;
        }
        int is_joined = previous_end >= 0 && joining_gap(kind, data, previous_end, start);
        if (n_numbers == numbers_room) {
            numbers_room = numbers_room ? numbers_room * 2 : 1024;
            unsigned int *grown_numbers = PyMem_Realloc(numbers, numbers_room * sizeof(unsigned int));
            if (grown_numbers != NULL)
                numbers = grown_numbers;
            unsigned int *grown_starts = PyMem_Realloc(starts, numbers_room * sizeof(unsigned int));
            if (grown_starts != NULL)
                starts = grown_starts;
            unsigned int *grown_ends = PyMem_Realloc(ends, numbers_room * sizeof(unsigned int));
            if (grown_ends != NULL)
                ends = grown_ends;
            if (grown_numbers == NULL || grown_starts == NULL || grown_ends == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
        }
        starts[n_numbers] = (unsigned int)start;
        ends[n_numbers] = (unsigned int)end;
        if (append_new(texts, kept_word(text, kind, data, start, end, &numbers[n_numbers++])) < 0 ||
            PyList_Append(joined, is_joined ? Py_True : Py_False) < 0)
            goto fail;
        previous_end = end;
    }
    PyObject *numbered;
    if (generation != scan_generation) {
        numbered = Py_NewRef(Py_None);
    } else {
        PyObject *raw = PyBytes_FromStringAndSize((const char *)numbers, n_numbers * sizeof(unsigned int));
        numbered = raw ? Py_BuildValue("(KN)", scan_generation, raw) : NULL;
    }
    PyMem_Free(numbers);
    numbers = NULL;
    if (numbered == NULL)
        goto fail;
    PyObject *start_bytes = PyBytes_FromStringAndSize((const char *)starts, n_numbers * sizeof(unsigned int));
    PyObject *end_bytes = start_bytes ? PyBytes_FromStringAndSize((const char *)ends, n_numbers * sizeof(unsigned int)) : NULL;
    PyMem_Free(starts);
    PyMem_Free(ends);
    if (end_bytes == NULL) {
        Py_XDECREF(start_bytes);
        Py_DECREF(numbered);
        Py_DECREF(texts);
        Py_DECREF(joined);
        return NULL;
    }
    return Py_BuildValue("(NNNNN)", texts, start_bytes, end_bytes, joined, numbered);
fail:
    PyMem_Free(numbers);
    PyMem_Free(starts);
    PyMem_Free(ends);
    Py_XDECREF(texts);
    Py_XDECREF(joined);
    return NULL;
}

/* The i-th item of a buffer of unsigned integers of 2, 4 or 8 bytes. */
static inline unsigned long long uint_at(const Py_buffer *items, Py_ssize_t i)
{
    switch (items->itemsize) {
    case 8: return ((const unsigned long long *)items->buf)[i];
    case 4: return ((const unsigned int *)items->buf)[i];
    default: return ((const unsigned short *)items->buf)[i];
    }
}

/* Where value is among the sorted items of row first (items[rows[first]:rows[first + 1]],
 * n_firsts rows, n_items items), or -1. (Rows that point past the items find nothing there.)
 * The lookup of the slip index's keys and of the bigram table's pairs alike. */
static inline Py_ssize_t find_in_row(const unsigned int *rows, Py_ssize_t n_firsts, const Py_buffer *items,
                                     Py_ssize_t n_items, unsigned long long first, unsigned long long value)
{
    if (first >= (unsigned long long)n_firsts)
        return -1;
    const Py_ssize_t end = rows[first + 1] < n_items ? (Py_ssize_t)rows[first + 1] : n_items;
    Py_ssize_t lo = rows[first] < end ? (Py_ssize_t)rows[first] : end, hi = end;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) >> 1;
        if (uint_at(items, mid) < value) lo = mid + 1; else hi = mid;
    }
    return lo < end && uint_at(items, lo) == value ? lo : -1;
}

/* The slip index's strong contexts as one table of pairs (written by
 * slipindex.pair_table_bytes and stored in the index's file): for each first word
 * id a, the sorted second ids b of the pairs (a, b) that are a strong-left key, a
 * strong-right key or both, with a byte of flags each. One bisection per pair of neighbours
 * instead of one in each key list, among second ids of 2 bytes (when the key shift is 16)
 * instead of whole keys of 4: the table is half the memory the two key lists were, and the
 * pairs of a text are looked up while the other rules keep evicting it from the caches.
 * Layout: PairHeader, rows (uint32 x (n_ids + 1): the pairs of a are
 * entries[rows[a]:rows[a + 1]]), seconds (second_size bytes each, padded to 4), flags. */
#define PAIR_MAGIC 0x52494150u /* "PAIR" */
#define PAIR_LEFT 1 /* (l, w): w, the second word, may be a slip */
#define PAIR_RIGHT 2 /* (w, r): w, the first word */
typedef struct {
    unsigned int magic, n_ids, shift, n_entries, second_size, reserved;
} PairHeader;
typedef struct {
    Py_buffer blob;
    const unsigned int *rows;
    Py_buffer seconds; /* (a view into blob for uint_at and find_in_row: never released) */
    const unsigned char *flags;
    Py_ssize_t n_ids, n_entries;
    unsigned long long second_max;
} PairTable;

static Py_ssize_t padded4(Py_ssize_t n) { return (n + 3) & ~(Py_ssize_t)3; }

static int pair_table_open(PairTable *t, PyObject *blob)
{
    if (PyObject_GetBuffer(blob, &t->blob, PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    const PairHeader *h = (const PairHeader *)t->blob.buf;
    if (t->blob.len < (Py_ssize_t)sizeof(PairHeader) || h->magic != PAIR_MAGIC || (h->second_size != 2 && h->second_size != 4) ||
        (h->shift != 16 && h->shift != 32) || (h->shift == 16) != (h->second_size == 2) ||
        t->blob.len != (Py_ssize_t)sizeof(PairHeader) + ((Py_ssize_t)h->n_ids + 1) * 4 +
                       padded4((Py_ssize_t)h->n_entries * h->second_size) + (Py_ssize_t)h->n_entries) {
        PyBuffer_Release(&t->blob);
        PyErr_SetString(PyExc_ValueError, "suspects(): not a table of pairs (slipindex.pair_table_bytes)");
        return -1;
    }
    const unsigned char *base = (const unsigned char *)t->blob.buf + sizeof(PairHeader);
    t->rows = (const unsigned int *)base;
    memset(&t->seconds, 0, sizeof t->seconds);
    t->seconds.buf = (void *)(base + ((Py_ssize_t)h->n_ids + 1) * 4);
    t->seconds.itemsize = h->second_size;
    t->seconds.len = (Py_ssize_t)h->n_entries * h->second_size;
    t->flags = (const unsigned char *)t->seconds.buf + padded4(t->seconds.len);
    t->n_ids = h->n_ids;
    t->n_entries = h->n_entries;
    t->second_max = h->second_size == 2 ? 0xFFFFull : 0xFFFFFFFFull;
    return 0;
}

/* The flags of the pair (a, b), 0 when it is no strong context. */
static inline unsigned char pair_flags(const PairTable *t, unsigned long long a, unsigned long long b)
{
    if (b > t->second_max)
        return 0;
    const Py_ssize_t k = find_in_row(t->rows, t->n_ids, &t->seconds, t->n_entries, a, b);
    return k >= 0 ? t->flags[k] : 0;
}

/* The word numbers of a scan (its "numbers" item) as a buffer of n uint32, when they are of
 * the kept words as they are now: 1, the buffer filled (to release); 0 when they are None or
 * of an older generation (the caller asks by text instead); -1 on a malformed item. */
static int current_numbers(PyObject *numbers, Py_ssize_t n, Py_buffer *buffer)
{
    if (numbers == Py_None)
        return 0;
    unsigned long long of_generation;
    PyObject *raw;
    if (!PyTuple_Check(numbers)) {
        PyErr_SetString(PyExc_TypeError, "numbers: a scan's (generation, bytes) or None expected");
        return -1;
    }
    if (!PyArg_ParseTuple(numbers, "KO:numbers", &of_generation, &raw))
        return -1;
    if (of_generation != generation)
        return 0;
    if (PyObject_GetBuffer(raw, buffer, PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    if (buffer->len != n * (Py_ssize_t)sizeof(unsigned int)) {
        PyBuffer_Release(buffer);
        PyErr_SetString(PyExc_ValueError, "numbers of another list of words");
        return -1;
    }
    const unsigned int *number = (const unsigned int *)buffer->buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (number[i] >= (unsigned long long)known_used) { /* (no scan made these: refused, not read past the table) */
            PyBuffer_Release(buffer);
            PyErr_SetString(PyExc_ValueError, "numbers that no scan gave");
            return -1;
        }
    }
    return 1;
}

/* The id of word (number: its number, or -1) in the dict ids, asking its __missing__ when it
 * lacks it; remembered in word_facts by number (while the kept words are those of
 * of_generation: __missing__ runs Python code). -1 with an exception set on failure. */
static long long word_id(PyObject *ids, PyObject *word, long long number, unsigned long long of_generation)
{
    if (number >= 0 && generation == of_generation && word_facts[number].id_plus_one)
        return (long long)(word_facts[number].id_plus_one - 1);
    PyObject *id = PyDict_GetItemWithError(ids, word); /* borrowed */
    unsigned long long value;
    if (id != NULL) {
        value = PyLong_AsUnsignedLongLong(id);
    } else {
        if (PyErr_Occurred() || (id = PyObject_GetItem(ids, word)) == NULL) /* __missing__ */
            return -1;
        value = PyLong_AsUnsignedLongLong(id);
        Py_DECREF(id);
    }
    if (value == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    if (value >= (1ull << 62)) {
        PyErr_SetString(PyExc_OverflowError, "suspects(): an id above 2**62");
        return -1;
    }
    if (number >= 0 && generation == of_generation)
        word_facts[number].id_plus_one = value + 1;
    return (long long)value;
}

PyDoc_STRVAR(suspects_doc,
"suspects(texts, numbers, ids, table, unknown) -> (word_ids, places)\n\n"
"word_ids: bytes, ids[t] of every word t of the list texts as uint64 (ids a dict, its\n"
"__missing__ asked for a word it lacks; numbers, the words' numbers from scan or None: an\n"
"id once asked is kept by number while ids is the same dict). places: sorted, the words w\n"
"with a pair (l, w) among the strong-left keys or (w, r) among the strong-right keys of\n"
"table (slipindex.pair_table_bytes'), and every word whose id is unknown.");

static PyObject *suspects(PyObject *self, PyObject *args)
{
    PyObject *texts, *numbers_obj, *ids, *table_obj;
    unsigned long long unknown;
    if (!PyArg_ParseTuple(args, "O!OO!OK:suspects", &PyList_Type, &texts, &numbers_obj, &PyDict_Type, &ids, &table_obj,
                          &unknown))
        return NULL;
    const Py_ssize_t n = PyList_GET_SIZE(texts);
    Py_buffer numbers_buffer;
    const int numbered = current_numbers(numbers_obj, n, &numbers_buffer);
    if (numbered < 0)
        return NULL;
    const unsigned int *numbers = numbered ? (const unsigned int *)numbers_buffer.buf : NULL;
    const unsigned long long numbers_generation = generation;
    if (numbered && ids != ids_owner) { /* another model's (or a fresh) run cache */
        for (Py_ssize_t k = 0; k < word_facts_size; k++)
            word_facts[k].id_plus_one = 0;
        Py_XSETREF(ids_owner, Py_NewRef(ids));
    }
    PairTable table;
    if (pair_table_open(&table, table_obj) < 0)
        goto fail_numbers;
    PyObject *word_ids = NULL, *places = NULL;
    unsigned long long *raw = NULL;
    char *suspect = NULL;
    /* (The ids as uint64 bytes, not a list: a list would write the reference count of an
     * id object per word, scattered over memory; the rule reads the ids of a few words.) */
    word_ids = PyBytes_FromStringAndSize(NULL, sizeof(unsigned long long) * n);
    raw = word_ids ? (unsigned long long *)PyBytes_AS_STRING(word_ids) : NULL;
    suspect = PyMem_Calloc(n ? n : 1, 1);
    if (!word_ids || !suspect) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        long long id = word_id(ids, PyList_GET_ITEM(texts, i), numbers ? (long long)numbers[i] : -1, numbers_generation);
        if (id < 0)
            goto fail;
        raw[i] = (unsigned long long)id;
    }
    for (Py_ssize_t p = 0; p + 1 < n; p++) {
        const unsigned char flags = pair_flags(&table, raw[p], raw[p + 1]);
        if (flags & PAIR_LEFT)
            suspect[p + 1] = 1; /* (l, w): w, the second word, may be a slip */
        if (flags & PAIR_RIGHT)
            suspect[p] = 1; /* (w, r): the first word */
    }
    places = PyList_New(0);
    if (!places)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++)
        if ((suspect[i] || raw[i] == unknown) && append_new(places, PyLong_FromSsize_t(i)) < 0)
            goto fail;
    PyMem_Free(suspect);
    PyBuffer_Release(&table.blob);
    if (numbered)
        PyBuffer_Release(&numbers_buffer);
    return Py_BuildValue("(NN)", word_ids, places);
fail:
    Py_XDECREF(word_ids);
    Py_XDECREF(places);
    PyMem_Free(suspect);
    PyBuffer_Release(&table.blob);
fail_numbers:
    if (numbered)
        PyBuffer_Release(&numbers_buffer);
    return NULL;
}

PyDoc_STRVAR(invalid_words_doc,
"invalid_words(texts, numbers, judge) -> (set, places)\n\n"
"The distinct words t of the list texts for which judge(t) is false, judge asked once per\n"
"word of the run, and the places of their uses (a sorted list of indexes into texts), when\n"
"numbers (the words' numbers from scan) are current, else None.");

static PyObject *invalid_words(PyObject *self, PyObject *args)
{
    PyObject *texts, *numbers_obj, *judge;
    if (!PyArg_ParseTuple(args, "O!OO:invalid_words", &PyList_Type, &texts, &numbers_obj, &judge))
        return NULL;
    const Py_ssize_t n = PyList_GET_SIZE(texts);
    Py_buffer numbers_buffer;
    const int numbered = current_numbers(numbers_obj, n, &numbers_buffer);
    if (numbered <= 0) {
        if (numbered == 0)
            Py_RETURN_NONE;
        return NULL;
    }
    const unsigned int *numbers = (const unsigned int *)numbers_buffer.buf;
    const unsigned long long numbers_generation = generation;
    /* (The places, so that the rule need not look every word of the text up in the set of
     * the invalid ones: that touched each word's string, long since out of the CPU's
     * caches, for the few words that are invalid.) */
    PyObject *out = PySet_New(NULL), *places = PyList_New(0);
    if (out == NULL || places == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(texts, i);
        unsigned char validity = word_facts[numbers[i]].validity;
        if (validity == VALIDITY_UNKNOWN) {
            PyObject *verdict = PyObject_CallOneArg(judge, word);
            if (verdict == NULL)
                goto fail;
            const int valid = PyObject_IsTrue(verdict);
            Py_DECREF(verdict);
            if (valid < 0)
                goto fail;
            if (generation != numbers_generation) { /* judge scanned a text that emptied the kept words */
                Py_DECREF(out);
                Py_DECREF(places);
                PyBuffer_Release(&numbers_buffer);
                Py_RETURN_NONE;
            }
            validity = valid ? VALIDITY_VALID : VALIDITY_INVALID;
            word_facts[numbers[i]].validity = validity;
        }
        if (validity == VALIDITY_INVALID && (PySet_Add(out, word) < 0 || append_new(places, PyLong_FromSsize_t(i)) < 0))
            goto fail;
    }
    PyBuffer_Release(&numbers_buffer);
    return Py_BuildValue("(NN)", out, places);
fail:
    Py_XDECREF(out);
    Py_XDECREF(places);
    PyBuffer_Release(&numbers_buffer);
    return NULL;
}

PyDoc_STRVAR(neighbour_counts_doc,
"neighbour_counts(ids, places, joined, rows, cols, counts) -> (lefts, rights)\n\n"
"For each place i of the sorted list places, the bigram count of (ids[i - 1], ids[i]) where\n"
"joined[i] and of (ids[i], ids[i + 1]) where joined[i + 1], else 0; ids: a buffer of uint64\n"
"word ids, joined: a list of bools as long; the bigram table as the model's version 4\n"
"stores it: the pairs of first id a are cols[rows[a]:rows[a + 1]] (sorted second ids, of 2\n"
"or 4 bytes) with counts[...] (uint32).");

/* A bigram table as the model's version 4 stores it: the pairs of first id a are
 * cols[rows[a]:rows[a + 1]] (sorted second ids of 2 or 4 bytes) with counts[...] (uint32). */
typedef struct {
    Py_buffer rows, cols, counts;
    Py_ssize_t n_firsts, n_pairs;
} BigramTable;

static void bigram_table_release(BigramTable *t)
{
    if (t->rows.obj) PyBuffer_Release(&t->rows);
    if (t->cols.obj) PyBuffer_Release(&t->cols);
    if (t->counts.obj) PyBuffer_Release(&t->counts);
}

static int bigram_table(BigramTable *t, PyObject *rows, PyObject *cols, PyObject *counts)
{
    memset(t, 0, sizeof(*t));
    if (PyObject_GetBuffer(rows, &t->rows, PyBUF_C_CONTIGUOUS) < 0 ||
        PyObject_GetBuffer(cols, &t->cols, PyBUF_C_CONTIGUOUS) < 0 ||
        PyObject_GetBuffer(counts, &t->counts, PyBUF_C_CONTIGUOUS) < 0) {
        bigram_table_release(t);
        return -1;
    }
    if (t->rows.len % 4 != 0 || t->rows.len < 4 || t->counts.len % 4 != 0 ||
        (t->cols.itemsize != 2 && t->cols.itemsize != 4) || t->cols.len / t->cols.itemsize != t->counts.len / 4) {
        bigram_table_release(t);
        PyErr_SetString(PyExc_ValueError, "a bigram table of rows and counts of uint32 and cols of 2 or 4 bytes, as "
                                          "many as counts, expected");
        return -1;
    }
    t->n_firsts = t->rows.len / 4 - 1;
    t->n_pairs = t->counts.len / 4;
    return 0;
}

/* The count of the pair (a, b). */
static inline unsigned long long pair_count(const BigramTable *t, unsigned long long a, unsigned long long b)
{
    Py_ssize_t k = find_in_row((const unsigned int *)t->rows.buf, t->n_firsts, &t->cols, t->n_pairs, a, b);
    return k < 0 ? 0 : ((const unsigned int *)t->counts.buf)[k];
}

/* How many distinct words follow id a. */
static inline unsigned long long followers_of(const BigramTable *t, unsigned long long a)
{
    const unsigned int *rows = (const unsigned int *)t->rows.buf;
    return a < (unsigned long long)t->n_firsts ? rows[a + 1] - rows[a] : 0;
}

static PyObject *neighbour_counts(PyObject *self, PyObject *args)
{
    PyObject *ids_obj, *places, *joined, *rows_obj, *cols_obj, *counts_obj;
    if (!PyArg_ParseTuple(args, "OO!O!OOO:neighbour_counts", &ids_obj, &PyList_Type, &places, &PyList_Type, &joined,
                          &rows_obj, &cols_obj, &counts_obj))
        return NULL;
    Py_buffer ids;
    BigramTable table;
    PyObject *lefts = NULL, *rights = NULL;
    if (PyObject_GetBuffer(ids_obj, &ids, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    if (bigram_table(&table, rows_obj, cols_obj, counts_obj) < 0) {
        PyBuffer_Release(&ids);
        return NULL;
    }
    const Py_ssize_t n = ids.len / 8;
    if (ids.len % 8 != 0 || PyList_GET_SIZE(joined) != n) {
        PyErr_SetString(PyExc_ValueError, "neighbour_counts(): ids of uint64, as many as joined, expected");
        goto fail;
    }
    const unsigned long long *id = (const unsigned long long *)ids.buf;
    const Py_ssize_t n_places = PyList_GET_SIZE(places);
    lefts = PyList_New(n_places);
    rights = PyList_New(n_places);
    if (!lefts || !rights)
        goto fail;
    for (Py_ssize_t k = 0; k < n_places; k++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyList_GET_ITEM(places, k));
        if (i == -1 && PyErr_Occurred())
            goto fail;
        if (i < 0 || i >= n) {
            PyErr_SetString(PyExc_IndexError, "neighbour_counts(): a place outside the words");
            goto fail;
        }
        unsigned long long left = 0, right = 0;
        if (i > 0 && PyList_GET_ITEM(joined, i) == Py_True)
            left = pair_count(&table, id[i - 1], id[i]);
        if (i + 1 < n && PyList_GET_ITEM(joined, i + 1) == Py_True)
            right = pair_count(&table, id[i], id[i + 1]);
        PyObject *l = PyLong_FromUnsignedLongLong(left), *r = PyLong_FromUnsignedLongLong(right);
        if (!l || !r) {
            Py_XDECREF(l);
            Py_XDECREF(r);
            goto fail;
        }
        PyList_SET_ITEM(lefts, k, l);
        PyList_SET_ITEM(rights, k, r);
    }
    PyBuffer_Release(&ids);
    bigram_table_release(&table);
    return Py_BuildValue("(NN)", lefts, rights);
fail:
    Py_XDECREF(lefts);
    Py_XDECREF(rights);
    PyBuffer_Release(&ids);
    bigram_table_release(&table);
    return NULL;
}

PyDoc_STRVAR(best_candidate_doc,
"best_candidate(candidates, left_id, right_id, left_followers, right_unigram, rows, cols, counts)\n"
"    -> (index, left_count, right_count, score) or None\n\n"
"The slip rule's candidate loop (rules.spelling.RealWordSlip._best): candidates, bytes of\n"
"records (uint64 id, then doubles unigram, log(unigram + 1), log(kind weight)); each scored\n"
"log(cl + max(bl, 0.1)) + log(cr + max(br, 0.1)) - log_unigram + log_weight, cl and cr its\n"
"bigram counts after left_id and before right_id, bl = left_followers * unigram, br = its\n"
"followers * right_unigram; a candidate seen with neither is skipped; the first best kept.");

typedef struct {
    unsigned long long id;
    double unigram, log_unigram, log_weight;
} Candidate;

static PyObject *best_candidate(PyObject *self, PyObject *args)
{
    PyObject *candidates_obj, *rows_obj, *cols_obj, *counts_obj;
    unsigned long long left_id, right_id;
    double left_followers, right_unigram;
    if (!PyArg_ParseTuple(args, "OKKddOOO:best_candidate", &candidates_obj, &left_id, &right_id, &left_followers,
                          &right_unigram, &rows_obj, &cols_obj, &counts_obj))
        return NULL;
    Py_buffer candidates;
    BigramTable table;
    PyObject *out = NULL;
    if (PyObject_GetBuffer(candidates_obj, &candidates, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    if (bigram_table(&table, rows_obj, cols_obj, counts_obj) < 0) {
        PyBuffer_Release(&candidates);
        return NULL;
    }
    if (candidates.len % sizeof(Candidate) != 0) {
        PyErr_SetString(PyExc_ValueError, "best_candidate(): whole candidate records expected");
        goto done;
    }
    const Candidate *c = (const Candidate *)candidates.buf;
    const Py_ssize_t n = candidates.len / sizeof(Candidate);
    Py_ssize_t best = -1;
    double best_score = 0.0;
    unsigned long long best_left = 0, best_right = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        const unsigned long long cl = pair_count(&table, left_id, c[k].id);
        const unsigned long long cr = pair_count(&table, c[k].id, right_id);
        if (!(cl || cr))
            continue;
        const double bl = left_followers * c[k].unigram;
        const double br = (double)followers_of(&table, c[k].id) * right_unigram;
        const double score = (log((double)cl + (bl > 0.1 ? bl : 0.1)) + log((double)cr + (br > 0.1 ? br : 0.1)) -
                              c[k].log_unigram) + c[k].log_weight;
        if (best < 0 || score > best_score) {
            best = k;
            best_score = score;
            best_left = cl;
            best_right = cr;
        }
    }
    if (best < 0)
        out = Py_NewRef(Py_None);
    else
        out = Py_BuildValue("(nKKd)", best, best_left, best_right, best_score);
done:
    PyBuffer_Release(&candidates);
    bigram_table_release(&table);
    return out;
}

PyDoc_STRVAR(text_hints_doc,
"text_hints(text) -> int\n\n"
"Two facts of text in one pass, as bits: 1, some decimal digit is followed by a letter\n"
"(\\d[^\\W\\d_]: every figure glued to a word holds one); 2, some a-z or \"đ\" is followed by\n"
"A-Z or \"Đ\" ([a-zđ][A-ZĐ]: every camel-case brand holds one). Most texts have neither, and\n"
"a regex that looks for either tries every digit or capital of the text.");

#define HINT_DIGIT_LETTER 1
#define HINT_INNER_CAPITAL 2

static PyObject *text_hints(PyObject *self, PyObject *text)
{
    TextView view;
    if (text_view(text, "text_hints", &view) < 0)
        return NULL;
    long found = 0;
    for (Py_ssize_t i = 0; i + 1 < view.n && found != (HINT_DIGIT_LETTER | HINT_INNER_CAPITAL); i++) {
        const Py_UCS4 c = PyUnicode_READ(view.kind, view.data, i);
        int lower = 0, decimal = 0;
        if (c < 0x80) {
            lower = c >= 'a' && c <= 'z';
            decimal = c >= '0' && c <= '9';
        } else if (c == 0x111) {
            lower = 1;
        } else { /* (a decimal digit is alphanumeric and no letter) */
            decimal = c < TABLE_SIZE ? (char_class[c] & (IS_ALNUM | IS_LETTER)) == IS_ALNUM : Py_UNICODE_ISDECIMAL(c);
        }
        if (!lower && !decimal)
            continue;
        const Py_UCS4 next = PyUnicode_READ(view.kind, view.data, i + 1);
        if (lower && ((next >= 'A' && next <= 'Z') || next == 0x110))
            found |= HINT_INNER_CAPITAL;
        if (decimal && is_letter(next))
            found |= HINT_DIGIT_LETTER;
    }
    return PyLong_FromLong(found);
}

static PyMethodDef accel_methods[] = {
    {"scan", scan, METH_O, scan_doc},
    {"text_hints", text_hints, METH_O, text_hints_doc},
    {"suspects", suspects, METH_VARARGS, suspects_doc},
    {"invalid_words", invalid_words, METH_VARARGS, invalid_words_doc},
    {"neighbour_counts", neighbour_counts, METH_VARARGS, neighbour_counts_doc},
    {"best_candidate", best_candidate, METH_VARARGS, best_candidate_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef accel_module = {
    PyModuleDef_HEAD_INIT, "giaoban_qa.spelling._accel",
    "Compiled per-word passes of the spelling rules (see the source's header).", -1, accel_methods,
};

PyMODINIT_FUNC PyInit__accel(void)
{
    fill_char_class();
    return PyModule_Create(&accel_module);
}
