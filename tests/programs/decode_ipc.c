// Decoding family "ipc": System V message queues, semaphores and shared
// memory, and a POSIX message queue.  Ids, times and pids change between
// runs and are normalized by the comparison; every object is removed again.
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct message {
  long mtype;
  char mtext[16];
};

static void message_queue(void) {
  int id = msgget(IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0600);
  if (id < 0) return;
  struct message m = {.mtype = 7};
  strcpy(m.mtext, "hello, queue");
  msgsnd(id, &m, sizeof(m.mtext), IPC_NOWAIT);
  msgrcv(id, &m, sizeof(m.mtext), 0, IPC_NOWAIT | MSG_NOERROR);
  msgrcv(id, &m, sizeof(m.mtext), 0, IPC_NOWAIT);  // empty: ENOMSG
  struct msqid_ds ds;
  msgctl(id, IPC_STAT, &ds);
  msgctl(id, IPC_SET, &ds);
  msgctl(id, IPC_RMID, NULL);
}

static void semaphores(void) {
  int id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0640);
  if (id < 0) return;
  struct sembuf ops[2] = {{0, 1, SEM_UNDO}, {1, 2, IPC_NOWAIT}};
  semop(id, ops, 2);
  struct timespec timeout = {0, 1000};
  struct sembuf wait_zero = {0, 0, IPC_NOWAIT};
  semtimedop(id, &wait_zero, 1, &timeout);  // EAGAIN: the value is 1
  semctl(id, 1, GETVAL);
  semctl(id, 0, SETVAL, 5);
  struct semid_ds ds;
  semctl(id, 0, IPC_STAT, &ds);
  semctl(id, 0, IPC_RMID);
}

static void shared_memory(void) {
  int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
  if (id < 0) return;
  void* at = shmat(id, NULL, SHM_RDONLY);
  struct shmid_ds ds;
  shmctl(id, IPC_STAT, &ds);
  if (at != (void*)-1) shmdt(at);
  shmctl(id, IPC_RMID, NULL);
}

static void posix_queue(void) {
  const char* name = "/xtrace-decode-ipc";
  struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 32};
  mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL | O_NONBLOCK, 0600, &attr);
  if (q == (mqd_t)-1) return;
  mq_send(q, "ping", 4, 3);
  char buf[32];
  unsigned prio = 0;
  mq_receive(q, buf, sizeof(buf), &prio);
  struct mq_attr blocking = {0}, old;
  mq_setattr(q, &blocking, &old);
  mq_close(q);
  mq_unlink(name);
}

int main(void) {
  message_queue();
  semaphores();
  shared_memory();
  posix_queue();
  return 0;
}
