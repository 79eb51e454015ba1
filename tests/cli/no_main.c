/* A model without main(): refused with exit 3. */
#include <weft.h>
int not_main(void) { return 0; }
