/* A model that does not compile: weft shows the compiler's messages, exit 3. */
#include <weft.h>
int main(void) { return 0 }
